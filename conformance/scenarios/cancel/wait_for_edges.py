# wait_for(): a result in time is returned; a timeout of 0 returns a done future's result but
# cancels a pending one (a coroutine never starts); an inner operation that swallows the
# cancellation and returns a value makes wait_for return that value; cancelling the waiter
# cancels the inner task.
import asyncio

from conf import ename, now


async def quick():
    await asyncio.sleep(0.05)
    return "quick result"


async def never_started():
    print("never printed")


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(now(), "stubborn swallows the cancellation")
        return "stubborn result"


async def main():
    value = await asyncio.wait_for(quick(), 1)
    print(now(), "in time:", value)
    done = asyncio.get_running_loop().create_future()
    done.set_result("already done")
    value = await asyncio.wait_for(done, 0)
    print(now(), "timeout 0 on a done future:", value)
    try:
        await asyncio.wait_for(never_started(), 0)
    except TimeoutError as e:
        print(now(), "timeout 0 on a coroutine:", ename(e))
    value = await asyncio.wait_for(stubborn(), 0.1)
    print(now(), "swallowed:", value)

    inner = asyncio.create_task(asyncio.sleep(10))
    waiter = asyncio.create_task(asyncio.wait_for(inner, 5))
    await asyncio.sleep(0.1)
    waiter.cancel()
    try:
        await waiter
    except asyncio.CancelledError:
        print(now(), "waiter cancelled; inner cancelled:", inner.cancelled())
