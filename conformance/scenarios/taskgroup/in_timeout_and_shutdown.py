# A TaskGroup inside a timeout: the deadline cancels the block and the children, and the scope
# raises TimeoutError (not an ExceptionGroup). create_task on a group that is shutting down
# raises RuntimeError; a child failing after the block ended still fails the group.
import asyncio

from conf import ename, now


async def child(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(now(), name, "cancelled")
        raise
    if fail:
        print(now(), name, "fails")
        raise ValueError(name)
    print(now(), name, "done")


async def main():
    try:
        async with asyncio.timeout(0.2):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(child("slow", 1))
                await asyncio.sleep(1)
    except TimeoutError as e:
        print(now(), "timeout around the group:", ename(e))

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("late-failure", 0.1, fail=True))
            print(now(), "block ends first")
    except ExceptionGroup as eg:
        print(now(), "group failed after its block:", [ename(e) for e in eg.exceptions])

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("boom", 0.1, fail=True))
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                coro = child("too late", 0)
                try:
                    tg.create_task(coro)
                except RuntimeError as e:
                    print(now(), "create_task while shutting down:", ename(e))
                raise
    except ExceptionGroup as eg:
        print(now(), "group:", [ename(e) for e in eg.exceptions])
