# Seed tutorial: the twelve numbered steps of two tasks, work_1 (1 s) and work_2 (2 s).
import asyncio

from conf import now


async def work_1():
    print(now(), "work_1 start")
    await asyncio.sleep(1)
    print(now(), "work_1 end")


async def work_2():
    print(now(), "work_2 start")
    await asyncio.sleep(2)
    print(now(), "work_2 end")


async def main():
    task1 = asyncio.create_task(work_1())
    task2 = asyncio.create_task(work_2())
    print(now(), "before await")
    await task1
    print(now(), "awaited work_1")
    await task2
    print(now(), "awaited work_2")
