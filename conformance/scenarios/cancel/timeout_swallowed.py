# A block that swallows the timeout's cancellation and returns normally ends without
# TimeoutError, but expired() still tells the deadline passed; an error raised by the block wins
# over the timeout; wait_for passes the inner operation's own error through.
import asyncio

from conf import ename, now


async def main():
    async with asyncio.timeout(0.1) as scope:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print(now(), "block swallowed the cancellation")
        await asyncio.sleep(0.05)
        print(now(), "block keeps going after the deadline")
    print(now(), "no TimeoutError; expired", scope.expired(),
          "cancelling", asyncio.current_task().cancelling())

    try:
        async with asyncio.timeout(0.1):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                raise ValueError("cleanup failed")
    except ValueError as e:
        print(now(), "the block's error wins:", ename(e), e)

    async def failing():
        await asyncio.sleep(0.05)
        raise KeyError("inner")

    try:
        await asyncio.wait_for(failing(), 1)
    except KeyError as e:
        print(now(), "wait_for passes the error through:", ename(e))
