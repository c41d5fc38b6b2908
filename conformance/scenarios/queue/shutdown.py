# shutdown(): put raises QueueShutDown at once; get drains what is left, then raises; waiting
# getters and putters are woken to raise.
import asyncio

from conf import ename, now


async def getter(q, name):
    try:
        while True:
            print(now(), name, "got", await q.get())
    except asyncio.QueueShutDown as e:
        print(now(), name, "stopped:", ename(e))


async def blocked_putter(q):
    try:
        await q.put("late")
        print("late put went through")
    except asyncio.QueueShutDown as e:
        print(now(), "blocked putter:", ename(e))


async def main():
    idle = asyncio.Queue()
    g = asyncio.create_task(getter(idle, "idle getter"))
    await asyncio.sleep(0.1)
    idle.shutdown()
    await g

    q = asyncio.Queue(maxsize=2)
    q.put_nowait(1)
    q.put_nowait(2)
    p = asyncio.create_task(blocked_putter(q))
    await asyncio.sleep(0.1)
    q.shutdown()
    for call in ("put_nowait", "put"):
        try:
            if call == "put":
                await q.put(9)
            else:
                q.put_nowait(9)
        except asyncio.QueueShutDown as e:
            print(now(), call, "after shutdown:", ename(e))
    await p
    await getter(q, "drainer")
    print("unfinished work still joinable: size", q.qsize())
