# Task groups with the eager factory: a child that fails during its eager step aborts the group at
# once, so the next create_task in the block already raises RuntimeError (asyncio 3.12+).
import asyncio

from conf import ename, now


async def fail_now():
    print("fail_now runs")
    raise TypeError("at once")


async def sleeper(name):
    try:
        print(name, "sleeps")
        await asyncio.sleep(1)
        print(name, "woke")
    except asyncio.CancelledError:
        print(now(), name, "cancelled")
        raise


async def quick():
    print("quick runs")
    return 1


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper("a"))
            q = tg.create_task(quick())
            print("quick done", q.done())
            tg.create_task(fail_now())
            print("after fail_now created")
            tg.create_task(sleeper("b"))
            print("after b created")
            await asyncio.sleep(0)
            print("main after sleep(0)")
    except* TypeError as eg:
        print(now(), "group failed", [ename(e) for e in eg.exceptions])
