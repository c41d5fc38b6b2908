# When main returns, run() cancels the tasks still alive and lets their finally blocks run.
# (One leftover only: asyncio cancels leftovers in the order of a set, which is unspecified.)
import asyncio

from conf import now


async def background(name, delay):
    try:
        await asyncio.sleep(delay)
        print(now(), name, "finished normally")
    except asyncio.CancelledError:
        print(now(), name, "cancelled at shutdown")
        raise
    finally:
        print(now(), name, "finally")


async def main():
    asyncio.create_task(background("short", 0.1))
    asyncio.create_task(background("long-1", 10))
    await asyncio.sleep(0.5)
    print(now(), "main returns")
    return "main result"
