# Cancelling the task that runs a TaskGroup cancels every child; once they are done the group
# re-raises CancelledError (not an ExceptionGroup), and the cancel count stays 1. Leaving a
# group waits for every child. (One child prints: asyncio cancels children in set order.)
import asyncio

from conf import ename, now


async def child(name):
    try:
        await asyncio.sleep(10)
    finally:
        print(now(), name, "finally")


async def runner():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c1"))
            tg.create_task(asyncio.sleep(10))
            await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(now(), "runner got", ename(e), "cancelling", asyncio.current_task().cancelling())
        raise


async def waits_for_children():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(asyncio.sleep(0.3, result="a"))
        b = tg.create_task(asyncio.sleep(0.1, result="b"))
        print(now(), "block ends before the children")
    print(now(), "group left after every child:", a.result(), b.result())


async def main():
    t = asyncio.create_task(runner())
    await asyncio.sleep(0.2)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(now(), "runner cancelled", t.cancelled())
    await waits_for_children()
