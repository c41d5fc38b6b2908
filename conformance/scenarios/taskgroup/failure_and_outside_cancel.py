# When a child fails while the parent task is also being cancelled from outside, the
# ExceptionGroup wins, and the outside cancellation stays pending: the next await raises
# CancelledError.
import asyncio

from conf import ename, now


async def fail_soon(parent_task):
    await asyncio.sleep(0.1)
    parent_task.cancel()  # a cancellation from outside the group, just before the failure
    raise ValueError("child failed")


async def parent():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_soon(asyncio.current_task()))
            await asyncio.sleep(1)
    except ExceptionGroup as eg:
        print(now(), "parent caught", ename(eg), [ename(e) for e in eg.exceptions],
              "cancelling", asyncio.current_task().cancelling())
    try:
        await asyncio.sleep(1)
        print("not reached")
    except asyncio.CancelledError as e:
        print(now(), "next await:", ename(e))
        raise


async def main():
    t = asyncio.create_task(parent())
    try:
        await t
    except asyncio.CancelledError:
        print(now(), "parent task cancelled", t.cancelled())
