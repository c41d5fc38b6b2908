# A sleep made ahead of time starts counting when it is awaited, not when it is made; a task
# made from it starts with the task.
import asyncio

from conf import now


async def main():
    s = asyncio.sleep(0.1, result="late")
    await asyncio.sleep(0.5)
    value = await s
    print(now(), "sleep made at 0, awaited at 500:", value)
    t = asyncio.create_task(asyncio.sleep(0.2, result="task"))
    await asyncio.sleep(0.05)
    value = await t
    print(now(), "sleep wrapped in a task:", value)
