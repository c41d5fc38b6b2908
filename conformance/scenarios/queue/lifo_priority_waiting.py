# LifoQueue and PriorityQueue with waiting: a getter blocked on an empty LIFO queue takes the
# first item put; a bounded PriorityQueue blocks its putter until a get makes room.
import asyncio

from conf import now


async def main():
    lifo = asyncio.LifoQueue()

    async def lifo_getter():
        item = await lifo.get()
        print(now(), "lifo getter got", item)

    g = asyncio.create_task(lifo_getter())
    await asyncio.sleep(0.1)
    for i in range(3):
        lifo.put_nowait(i)
    await g
    print("lifo left", [lifo.get_nowait() for _ in range(lifo.qsize())])

    pq = asyncio.PriorityQueue(maxsize=2)

    async def putter():
        for item in [(5, "five"), (1, "one"), (3, "three"), (0, "zero")]:
            await pq.put(item)
            print(now(), "put", item[1])

    p = asyncio.create_task(putter())
    await asyncio.sleep(0.1)
    while not p.done() or not pq.empty():
        item = await pq.get()
        print(now(), "got", item[1])
        await asyncio.sleep(0.1)
