# A task whose awaited future completed but which has not resumed yet can still be cancelled:
# it resumes with CancelledError and the result is dropped.
import asyncio

from conf import ename


async def waiter(fut):
    try:
        value = await fut
        print("waiter got", value)
    except asyncio.CancelledError as e:
        print("waiter cancelled although fut is done:", fut.done(), ename(e))
        raise


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    fut.set_result("value")
    print("cancel ->", t.cancel(), "fut.cancelled()", fut.cancelled())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("task cancelled", t.cancelled())
