# gather returns results in argument order whatever the completion order; coroutines become
# tasks; the same awaitable twice runs once; gather() of nothing is [].
import asyncio

from conf import now


async def job(name, delay):
    print(now(), "start", name)
    await asyncio.sleep(delay)
    print(now(), "end", name)
    return name


async def main():
    shared = asyncio.create_task(job("shared", 0.2))
    results = await asyncio.gather(job("slow", 0.3), shared, job("fast", 0.1), shared)
    print(now(), "results", results)
    print("empty", await asyncio.gather())
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.05, fut.set_result, "from a future")
    mixed = await asyncio.gather(fut, job("coro", 0.01))
    print(now(), "with a future", mixed)
    print(now(), "end")
