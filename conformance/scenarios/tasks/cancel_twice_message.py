# A task cancelled twice while it waits sees the first message: the second cancel() only marks
# the task, and the CancelledError it resumes with is the one its waiter was cancelled with.
import asyncio

from conf import ename, now


async def sleeper():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print(now(), "sleeper sees", f"[{e}]", "cancelling", asyncio.current_task().cancelling())
        raise


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0.1)
    print("first ->", t.cancel("first"), "second ->", t.cancel("second"))
    try:
        await t
    except asyncio.CancelledError as e:
        print(now(), "awaiter got", ename(e), f"[{e}]")
