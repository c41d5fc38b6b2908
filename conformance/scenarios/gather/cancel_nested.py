# Cancelling a task that awaits nested gathers cancels every leaf; even with return_exceptions
# the cancelled gather raises CancelledError to its awaiter instead of returning results.
import asyncio

from conf import ename, now


async def leaf(name, delay):
    try:
        await asyncio.sleep(delay)
        print(now(), name, "finished")
        return name
    except asyncio.CancelledError:
        print(now(), name, "cancelled")
        raise


async def parent():
    try:
        inner = asyncio.gather(leaf("a", 1), leaf("b", 0.1), return_exceptions=True)
        return await asyncio.gather(inner, leaf("c", 2), return_exceptions=True)
    except asyncio.CancelledError as e:
        print(now(), "parent got", ename(e))
        raise


async def main():
    t = asyncio.create_task(parent())
    await asyncio.sleep(0.5)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(now(), "parent cancelled", t.cancelled())
