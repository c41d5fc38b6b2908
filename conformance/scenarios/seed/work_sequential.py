# Seed tutorial: awaiting work_1 then work_2 directly runs them one after the other (3 s).
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
    print(now(), "before await")
    await work_1()
    print(now(), "awaited work_1")
    await work_2()
    print(now(), "awaited work_2")
