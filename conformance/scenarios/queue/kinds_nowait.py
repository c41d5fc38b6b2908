# FIFO, LIFO and priority order with the non-blocking calls; QueueEmpty and QueueFull.
import asyncio

from conf import ename


async def main():
    for name, q in [
        ("fifo", asyncio.Queue()),
        ("lifo", asyncio.LifoQueue()),
        ("priority", asyncio.PriorityQueue()),
    ]:
        for item in [(3, "c"), (1, "a"), (4, "d"), (2, "b")]:
            q.put_nowait(item)
        print(name, "qsize", q.qsize(), "empty", q.empty(), "full", q.full())
        print(name, "order", [q.get_nowait()[1] for _ in range(4)])
        try:
            q.get_nowait()
        except asyncio.QueueEmpty as e:
            print(name, "get_nowait on empty:", ename(e))
    bounded = asyncio.Queue(2)
    bounded.put_nowait("x")
    bounded.put_nowait("y")
    print("bounded maxsize", bounded.maxsize, "full", bounded.full())
    try:
        bounded.put_nowait("z")
    except asyncio.QueueFull as e:
        print("put_nowait on full:", ename(e))
    unbounded = asyncio.Queue(0)
    for i in range(100):
        unbounded.put_nowait(i)
    print("maxsize 0 is unbounded:", unbounded.full(), unbounded.qsize())
