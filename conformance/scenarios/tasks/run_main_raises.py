# When main raises, run() still cancels the leftover tasks and waits for them, even one that
# swallows the cancellation and keeps working for a while, and then raises main's error.
import asyncio

from conf import now


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(now(), "stubborn: cancelled at shutdown, finishing my work first")
        await asyncio.sleep(0.5)
        print(now(), "stubborn: done")


async def main():
    asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    print(now(), "main raises")
    raise ValueError("main failed")
