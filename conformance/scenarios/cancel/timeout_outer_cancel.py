# A cancellation from outside is never turned into TimeoutError: inside a timeout scope the task
# still ends cancelled, even when the deadline passes in the same iteration as the cancel().
import asyncio

from conf import ename, now


async def worker(label, delay):
    try:
        async with asyncio.timeout(delay) as scope:
            await asyncio.sleep(10)
    except TimeoutError:
        print(now(), label, "got TimeoutError")
        return "timeout"
    except asyncio.CancelledError as e:
        print(now(), label, "got", ename(e), "expired", scope.expired())
        raise


async def main():
    t = asyncio.create_task(worker("external", 5))
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(now(), "external: task cancelled", t.cancelled())

    t2 = asyncio.create_task(worker("race", 0.3))
    asyncio.get_running_loop().call_at(0.4, t2.cancel)
    try:
        await t2
    except asyncio.CancelledError:
        print(now(), "race: task cancelled", t2.cancelled())

    async def zero():
        async with asyncio.timeout(0):
            pass
        print(now(), "timeout(0) around a block that never awaits: no error")
        try:
            async with asyncio.timeout(-1):
                await asyncio.sleep(0)
        except TimeoutError as e:
            print(now(), "timeout(-1) at the first await:", ename(e))

    await zero()
