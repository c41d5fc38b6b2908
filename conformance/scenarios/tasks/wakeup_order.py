# Several tasks awaiting one future wake in the order they started waiting.
import asyncio


async def waiter(name, fut):
    value = await fut
    print(name, "woke with", value)


async def main():
    fut = asyncio.get_running_loop().create_future()
    tasks = [asyncio.create_task(waiter(n, fut)) for n in ["c", "a", "b"]]
    await asyncio.sleep(0)
    late = asyncio.create_task(waiter("late", fut))
    await asyncio.sleep(0)
    fut.set_result(7)
    for t in tasks + [late]:
        await t
    print("all woke")
