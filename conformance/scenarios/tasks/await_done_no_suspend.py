# Awaiting a future or task that is already done returns at once without giving up control:
# a task created just before does not get to run in between.
import asyncio

from conf import now


async def other():
    print("other ran")


async def answer():
    return 42


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result("ready")
    done_task = asyncio.create_task(answer())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("done_task.done()", done_task.done())
    asyncio.create_task(other())
    print("await fut ->", await fut)
    print("await done_task ->", await done_task)
    print("still before other")
    await asyncio.sleep(0)
    print(now(), "after a real yield")
