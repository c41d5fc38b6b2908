# Compositions: a timeout around a shielded task times out while the task carries on; wait_for of
# shield(task) the same; a timeout around queue.get() leaves no waiter behind; a timeout around
# gather cancels every child.
import asyncio

from conf import ename, now


async def work(name, delay):
    try:
        await asyncio.sleep(delay)
        print(now(), name, "finished")
        return name
    except asyncio.CancelledError:
        print(now(), name, "cancelled")
        raise


async def main():
    t = asyncio.create_task(work("shielded", 0.3))
    try:
        async with asyncio.timeout(0.1):
            await asyncio.shield(t)
    except TimeoutError as e:
        print(now(), "timeout around shield:", ename(e), "task cancelled", t.cancelled())
    t2 = asyncio.create_task(work("shielded-2", 0.3))
    try:
        await asyncio.wait_for(asyncio.shield(t2), 0.1)
    except TimeoutError as e:
        print(now(), "wait_for(shield):", ename(e), "task cancelled", t2.cancelled())
    value = await t
    print(now(), "first shielded task still gave", value)
    await t2

    q = asyncio.Queue()
    try:
        async with asyncio.timeout(0.1):
            await q.get()
    except TimeoutError as e:
        print(now(), "timeout around get:", ename(e))
    q.put_nowait("item")
    print(now(), "size after put", q.qsize())

    try:
        async with asyncio.timeout(0.2):
            await asyncio.gather(work("g1", 0.1), work("g2", 1), work("g3", 2))
    except TimeoutError as e:
        print(now(), "timeout around gather:", ename(e))
