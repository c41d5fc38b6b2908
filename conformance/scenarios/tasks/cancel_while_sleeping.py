# Cancelling a sleeping task throws CancelledError at its await; finally blocks run, the
# cancel message reaches the task and its awaiter.
import asyncio

from conf import ename, now


async def sleeper():
    try:
        print(now(), "sleeper sleeps 1 s")
        await asyncio.sleep(1)
        print("not reached")
    except asyncio.CancelledError as e:
        print(now(), "sleeper caught", ename(e), f"[{e}]")
        raise
    finally:
        print(now(), "sleeper finally")


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0.25)
    print(now(), "main cancels:", t.cancel("stop now"))
    print("done right after cancel()", t.done())
    try:
        await t
    except asyncio.CancelledError as e:
        print(now(), "main caught", ename(e), f"[{e}]")
    print("cancelled", t.cancelled())
