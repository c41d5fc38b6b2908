# A getter woken by put() does not own the item: if someone takes it before the getter resumes,
# the getter waits again. Same for a putter woken by get(): a put_nowait() can fill the slot first.
import asyncio

from conf import now


async def getter(q):
    item = await q.get()
    print(now(), "getter finally got", item)


async def putter(q, item):
    await q.put(item)
    print(now(), "putter finally put", item)


async def main():
    q = asyncio.Queue()
    g = asyncio.create_task(getter(q))
    await asyncio.sleep(0.1)
    q.put_nowait("first")
    print("stolen by get_nowait:", q.get_nowait())
    await asyncio.sleep(0.1)
    print(now(), "getter still waiting:", not g.done())
    q.put_nowait("second")
    await g

    bounded = asyncio.Queue(maxsize=1)
    bounded.put_nowait("a")
    p = asyncio.create_task(putter(bounded, "b"))
    await asyncio.sleep(0.1)
    print(now(), "got", bounded.get_nowait())
    bounded.put_nowait("c")
    print("slot taken by put_nowait; full:", bounded.full())
    await asyncio.sleep(0.1)
    print(now(), "putter still waiting:", not p.done())
    print(now(), "got", bounded.get_nowait())
    await p
    print("left", bounded.get_nowait())
