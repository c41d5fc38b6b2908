# A putter woken by get() but cancelled before it resumes passes its turn to the next blocked
# putter: the free slot is not left empty, and the cancelled putter puts nothing.
import asyncio

from conf import ename, now


async def putter(q, item):
    try:
        await q.put(item)
        print(now(), "put", item)
    except asyncio.CancelledError as e:
        print(now(), "putter of", item, "got", ename(e))
        raise


async def main():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("x")
    p1 = asyncio.create_task(putter(q, "p1"))
    p2 = asyncio.create_task(putter(q, "p2"))
    await asyncio.sleep(0.1)
    print(now(), "got", q.get_nowait())
    p1.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(now(), "size", q.qsize(), "p1 cancelled", p1.cancelled(), "p2 done", p2.done())
    print(now(), "got", q.get_nowait(), "then empty", q.empty())
