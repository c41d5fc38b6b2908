# Done callbacks run through the loop in registration order, interleaved with task wakeups in
# the order each registered; one added after completion is scheduled at once.
import asyncio


async def waiter(name, fut):
    print(name, "got", await fut)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback 1 sees", f.result()))
    w = asyncio.create_task(waiter("task", fut))
    await asyncio.sleep(0)
    fut.add_done_callback(lambda f: print("callback 2"))
    cb3 = lambda f: print("callback 3 (removed)")  # noqa: E731
    fut.add_done_callback(cb3)
    print("removed", fut.remove_done_callback(cb3))
    loop.call_soon(print, "call_soon before set_result")
    fut.set_result("value")
    print("set_result returned; nothing ran yet")
    fut.add_done_callback(lambda f: print("callback 4, added after done"))
    await w
    print("main resumes")
