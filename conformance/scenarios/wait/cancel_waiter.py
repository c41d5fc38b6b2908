# Cancelling a task blocked in wait() or iterating as_completed() cancels only the waiting: the
# awaited tasks keep running.
import asyncio

from conf import ename, now


async def job(name, delay):
    await asyncio.sleep(delay)
    print(now(), name, "finished")
    return name


async def waiter(tasks):
    try:
        await asyncio.wait(tasks)
    except asyncio.CancelledError as e:
        print(now(), "waiter got", ename(e))
        raise


async def iterate(aws):
    try:
        for step in asyncio.as_completed(aws):
            value = await step
            print(now(), "as_completed gave", value)
    except asyncio.CancelledError as e:
        print(now(), "iterator got", ename(e))
        raise


async def main():
    tasks = [asyncio.create_task(job("x", 0.3)), asyncio.create_task(job("y", 0.6))]
    w = asyncio.create_task(waiter(tasks))
    i = asyncio.create_task(iterate(tasks))
    await asyncio.sleep(0.4)
    w.cancel()
    i.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(now(), "waiters cancelled", w.cancelled(), i.cancelled(), "tasks cancelled",
          [t.cancelled() for t in tasks])
    await asyncio.wait(tasks)
    print(now(), "results", [t.result() for t in tasks])
