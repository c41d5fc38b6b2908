# shutdown() meeting woken waiters: a getter woken by put() still gets the item after a plain
# shutdown() but raises after shutdown(immediate=True); join() after an immediate shutdown still
# waits for items already taken and not yet marked done; a blocked putter raises too.
import asyncio

from conf import ename, now


async def getter(q, name):
    try:
        item = await q.get()
        print(now(), name, "got", item)
    except asyncio.QueueShutDown as e:
        print(now(), name, "raised", ename(e))


async def main():
    for immediate in (False, True):
        q = asyncio.Queue()
        g = asyncio.create_task(getter(q, f"getter(immediate={immediate})"))
        await asyncio.sleep(0.1)
        q.put_nowait("item")
        q.shutdown(immediate=immediate)
        await g

    q = asyncio.Queue(maxsize=3)
    for i in range(3):
        q.put_nowait(i)
    taken = q.get_nowait()
    blocked = asyncio.create_task(getter(q, "unused"))
    blocked.cancel()

    async def putter():
        try:
            await q.put(99)
        except asyncio.QueueShutDown as e:
            print(now(), "blocked putter raised", ename(e))

    q.put_nowait(3)
    p = asyncio.create_task(putter())

    async def joiner():
        await q.join()
        print(now(), "join returned")

    j = asyncio.create_task(joiner())
    await asyncio.sleep(0.1)
    q.shutdown(immediate=True)
    await p
    await asyncio.sleep(0.1)
    print(now(), "join still waiting for the item taken:", not j.done(), "taken", taken)
    q.task_done()
    await j
