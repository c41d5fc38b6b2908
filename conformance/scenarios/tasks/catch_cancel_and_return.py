# A coroutine that catches CancelledError and returns makes its task finish normally.
import asyncio

from conf import now


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(now(), "caught the cancellation, cleaning up")
        await asyncio.sleep(0.1)
        print(now(), "cleanup done, returning")
        return "partial"
    return "full"


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.5)
    t.cancel()
    result = await t
    print(now(), "result", result, "cancelled", t.cancelled(), "cancelling", t.cancelling())
