# Seed tutorial's twelve steps under the eager task factory: each task runs up to its first sleep
# inside create_task, so "work_1 start" and "work_2 start" come before "before await".
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
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    task1 = asyncio.create_task(work_1())
    print(now(), "created task1")
    task2 = asyncio.create_task(work_2())
    print(now(), "created task2")
    print(now(), "before await")
    await task1
    print(now(), "awaited work_1")
    await task2
    print(now(), "awaited work_2")
