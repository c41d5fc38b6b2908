# shutdown(immediate=True) drops the items left, counts them as done (releasing join()), and
# get() raises at once even though items were queued.
import asyncio

from conf import ename, now


async def joiner(q):
    await q.join()
    print(now(), "join released")


async def main():
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    print("got", q.get_nowait(), "and marked it done")
    q.task_done()
    j = asyncio.create_task(joiner(q))
    await asyncio.sleep(0.2)
    print(now(), "shutdown(immediate=True) with size", q.qsize())
    q.shutdown(immediate=True)
    print("size after", q.qsize(), "empty", q.empty())
    try:
        await q.get()
    except asyncio.QueueShutDown as e:
        print("get:", ename(e))
    try:
        q.get_nowait()
    except asyncio.QueueShutDown as e:
        print("get_nowait:", ename(e))
    await j
    await q.join()
    print(now(), "join after shutdown returns at once")
