# A child cancelled on its own is not a failure: the group carries on. A block that raises
# before awaiting cancels children that never started; the group's error holds only the block's.
import asyncio

from conf import ename, now


async def child(name, delay):
    print(now(), name, "started")
    await asyncio.sleep(delay)
    print(now(), name, "done")
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        victim = tg.create_task(child("victim", 1))
        other = tg.create_task(child("other", 0.2))
        await asyncio.sleep(0.1)
        victim.cancel()
    print(now(), "group ended normally; victim cancelled", victim.cancelled(),
          "other", other.result())

    try:
        async with asyncio.TaskGroup() as tg:
            never = tg.create_task(child("never", 0.1))
            raise ValueError("block failed at once")
    except ExceptionGroup as eg:
        print(now(), "group:", [ename(e) for e in eg.exceptions], "child cancelled",
              never.cancelled())
