# Waiting getters are served first come, first served, whatever the order of later puts.
import asyncio

from conf import now


async def getter(q, name):
    item = await q.get()
    print(now(), name, "got", item)


async def main():
    q = asyncio.Queue()
    tasks = []
    for name in ["first", "second", "third"]:
        tasks.append(asyncio.create_task(getter(q, name)))
        await asyncio.sleep(0.1)
    for item in ["A", "B", "C"]:
        q.put_nowait(item)
        print(now(), "put", item)
    for t in tasks:
        await t
