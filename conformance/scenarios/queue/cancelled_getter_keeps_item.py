# A getter cancelled after put() woke it, but before it resumed, leaves the item for the next
# getter: nothing is lost, nothing duplicated.
import asyncio

from conf import ename


async def getter(q, name):
    try:
        item = await q.get()
        print(name, "got", item)
    except asyncio.CancelledError as e:
        print(name, "cancelled:", ename(e))
        raise


async def main():
    q = asyncio.Queue()
    g1 = asyncio.create_task(getter(q, "g1"))
    g2 = asyncio.create_task(getter(q, "g2"))
    await asyncio.sleep(0)
    q.put_nowait("only item")
    g1.cancel()
    await asyncio.sleep(0)
    print("size after one iteration", q.qsize())
    await asyncio.gather(g1, g2, return_exceptions=True)
    print("g1 cancelled", g1.cancelled(), "g2 done", g2.done(), "size", q.qsize())

    g3 = asyncio.create_task(getter(q, "g3"))
    await asyncio.sleep(0)
    g3.cancel()
    await asyncio.sleep(0)
    q.put_nowait("second item")
    print("after cancelling a waiting getter, put_nowait leaves size", q.qsize())
    print("get_nowait", q.get_nowait())
