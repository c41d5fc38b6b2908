# join() returns once every item put was got and marked with task_done(); it returns at once on
# a queue with nothing unfinished.
import asyncio

from conf import now


async def worker(q, name):
    while True:
        item = await q.get()
        await asyncio.sleep(item / 10)
        print(now(), name, "handled", item)
        q.task_done()


async def main():
    q = asyncio.Queue()
    await q.join()
    print(now(), "join on a fresh queue returns at once")
    workers = [asyncio.create_task(worker(q, f"w{i}")) for i in range(2)]
    for item in [3, 1, 2, 5]:
        q.put_nowait(item)
    await q.join()
    print(now(), "joined; size", q.qsize())
    for w in workers:
        w.cancel()
    for w in workers:
        try:
            await w
        except asyncio.CancelledError:
            pass
    print(now(), "workers cancelled")
