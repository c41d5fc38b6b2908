# Edges: rescheduling a timeout that already expired is a RuntimeError; shield() of a done
# future returns at once; wait_for(None) never times out; timeout(None) never expires.
import asyncio

from conf import ename, now


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.1) as scope:
            try:
                await asyncio.sleep(1)
            finally:
                try:
                    scope.reschedule(loop.time() + 1)
                except RuntimeError as e:
                    print(now(), "reschedule while expiring:", ename(e))
    except TimeoutError:
        pass
    try:
        scope.reschedule(None)
    except RuntimeError as e:
        print(now(), "reschedule after the block:", ename(e))

    done = loop.create_future()
    done.set_result("done value")
    value = await asyncio.shield(done)
    print(now(), "shield of a done future:", value)

    async def slow():
        await asyncio.sleep(5)
        return "slow value"

    value = await asyncio.wait_for(slow(), None)
    print(now(), "wait_for(None):", value)
    async with asyncio.timeout(None) as scope:
        await asyncio.sleep(5)
    print(now(), "timeout(None) expired:", scope.expired(), "when", scope.when())
