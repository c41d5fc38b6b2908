# A putter cancelled while blocked on a full queue puts nothing; the next blocked putter takes
# its turn when room appears.
import asyncio

from conf import ename, now


async def putter(q, item):
    try:
        await q.put(item)
        print(now(), "put", item)
    except asyncio.CancelledError as e:
        print(now(), "putter of", item, "cancelled:", ename(e))
        raise


async def main():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("first")
    p1 = asyncio.create_task(putter(q, "p1-item"))
    p2 = asyncio.create_task(putter(q, "p2-item"))
    await asyncio.sleep(0.1)
    p1.cancel()
    await asyncio.sleep(0.1)
    print(now(), "got", q.get_nowait())
    await asyncio.sleep(0.1)
    print(now(), "got", q.get_nowait(), "then size", q.qsize())
    print("p1 cancelled", p1.cancelled(), "p2 done", p2.done())
