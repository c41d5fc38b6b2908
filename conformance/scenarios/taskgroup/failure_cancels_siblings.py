# The first child failure cancels the other children and interrupts the block where it waits;
# leaving the block waits for every child, then raises an ExceptionGroup with the failure.
import asyncio

from conf import ename, now


async def child(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            print(now(), name, "fails")
            raise ValueError(name)
        print(now(), name, "finished")
        return name
    except asyncio.CancelledError:
        print(now(), name, "cancelled; cleaning up")
        await asyncio.sleep(0.05)
        print(now(), name, "cleanup done")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            fast = tg.create_task(child("fast", 0.05))
            tg.create_task(child("failing", 0.1, fail=True))
            slow = tg.create_task(child("slow", 1))
            print(now(), "block waits")
            await asyncio.sleep(10)
            print("block not resumed")
    except* ValueError as eg:
        print(now(), "caught", ename(eg), [ename(e) for e in eg.exceptions],
              [str(e) for e in eg.exceptions])
    print("fast result", fast.result(), "slow cancelled", slow.cancelled())
    print("cancelling", asyncio.current_task().cancelling())
