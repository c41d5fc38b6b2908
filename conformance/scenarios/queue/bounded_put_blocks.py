# A put() on a full bounded queue waits until a get() makes room; blocked putters are served in
# the order they arrived.
import asyncio

from conf import now


async def producer(q, name, items):
    for item in items:
        await q.put(item)
        print(now(), name, "put", item, "size", q.qsize())


async def consumer(q, n):
    for _ in range(n):
        await asyncio.sleep(0.1)
        print(now(), "consumer got", q.get_nowait() if not q.empty() else await q.get())


async def main():
    q = asyncio.Queue(maxsize=2)
    p1 = asyncio.create_task(producer(q, "p1", ["a1", "a2", "a3"]))
    p2 = asyncio.create_task(producer(q, "p2", ["b1", "b2"]))
    c = asyncio.create_task(consumer(q, 5))
    await asyncio.sleep(0)
    print(now(), "after one iteration: size", q.qsize(), "full", q.full())
    await p1
    await p2
    await c
    print(now(), "empty", q.empty())
