# Tasks start on the next loop iteration, in creation order, after the creator yields.
import asyncio

from conf import now


async def worker(name, steps):
    for i in range(steps):
        print(now(), name, "step", i)
        await asyncio.sleep(0)
    print(now(), name, "done")


async def main():
    a = asyncio.create_task(worker("a", 2))
    b = asyncio.create_task(worker("b", 1))
    c = asyncio.create_task(worker("c", 3))
    print(now(), "main created three tasks")
    await asyncio.sleep(0)
    print(now(), "main after one yield")
    await c
    print(now(), "main done", a.done(), b.done(), c.done())
