# An eager task whose coroutine never suspends is done when create_task returns; it is the
# current task during that step (the creator is current again after), it is not among all_tasks,
# and its done callbacks are scheduled, not called inside create_task.
import asyncio


async def quick(tag):
    print("quick runs, current is", asyncio.current_task().get_name())
    return tag * 2


async def lazy():
    print("lazy runs")
    return "lazy"


async def main():
    loop = asyncio.get_running_loop()
    asyncio.current_task().set_name("main")
    t = asyncio.Task(quick(21), loop=loop, name="quick", eager_start=True)
    print("after create: done", t.done(), "result", t.result())
    print("current is", asyncio.current_task().get_name())
    print("quick in all_tasks", t in asyncio.all_tasks())
    t.add_done_callback(lambda _: print("done callback of quick"))
    print("callback added")
    slow = asyncio.create_task(lazy(), name="lazy")
    print("lazy created, done", slow.done())
    await asyncio.sleep(0)
    print("after one iteration, lazy done", slow.done())
    print("await quick ->", await t)
