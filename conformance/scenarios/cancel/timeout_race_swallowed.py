# A deadline and an outside cancel() in the same iteration, with a block that swallows the
# CancelledError: the timeout stays quiet (another cancel is pending), and the swallowed outside
# request is left counted in cancelling() but delivered no more.
import asyncio

from conf import now


async def worker():
    async with asyncio.timeout(0.2) as scope:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print(now(), "block swallowed it; expired", scope.expired(),
                  "cancelling", asyncio.current_task().cancelling())
    print(now(), "after the block: cancelling", asyncio.current_task().cancelling())
    await asyncio.sleep(0.1)
    print(now(), "still running")
    return "finished"


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.2)
    t.cancel()
    result = await t
    print(now(), "result", result, "cancelled", t.cancelled())
