# Cancelling the task that awaits a gather cancels every child still running; cancelling the
# gather future itself does the same (the gather then holds a CancelledError as its exception,
# while its cancelled() stays False).
import asyncio

from conf import ename, now


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(now(), name, "finished")
        return name
    except asyncio.CancelledError:
        print(now(), name, "cancelled")
        raise


async def parent():
    try:
        await asyncio.gather(child("p1", 0.1), child("p2", 1), child("p3", 2))
    except asyncio.CancelledError as e:
        print(now(), "parent got", ename(e))
        raise


async def main():
    t = asyncio.create_task(parent())
    await asyncio.sleep(0.5)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(now(), "parent task cancelled", t.cancelled())

    g = asyncio.gather(child("g1", 1), child("g2", 0.2))
    await asyncio.sleep(0.5)
    print(now(), "gather.cancel() ->", g.cancel())
    try:
        await g
    except asyncio.CancelledError as e:
        print(now(), "awaiting the cancelled gather raised", ename(e))
    print("gather done", g.done(), "cancelled()", g.cancelled(), "exception", ename(g.exception()))
