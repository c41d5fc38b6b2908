# An exception escaping a task's coroutine becomes the task's exception: awaiting re-raises it,
# exception() returns it, and two awaiters both see it.
import asyncio

from conf import ename, now


async def failing():
    await asyncio.sleep(0.3)
    raise ValueError("boom")


async def watcher(t):
    try:
        await t
    except ValueError as e:
        print(now(), "watcher caught", ename(e), e)


async def main():
    t = asyncio.create_task(failing())
    w = asyncio.create_task(watcher(t))
    try:
        await t
    except ValueError as e:
        print(now(), "main caught", ename(e), e)
    await w
    print("done", t.done(), "cancelled", t.cancelled(), "exception", ename(t.exception()))
    try:
        t.result()
    except ValueError as e:
        print("result() raises", ename(e))
