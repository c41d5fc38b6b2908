# wait() whose timeout falls on the same instant a task finishes: the task's timer was armed
# first, so it counts as done when wait() returns.
import asyncio

from conf import now


async def job(delay):
    await asyncio.sleep(delay)
    return delay


async def main():
    a = asyncio.create_task(job(0.1), name="a")
    b = asyncio.create_task(job(0.2), name="b")
    await asyncio.sleep(0)
    done, pending = await asyncio.wait([a, b], timeout=0.1)
    print(now(), "done", sorted(t.get_name() for t in done),
          "pending", sorted(t.get_name() for t in pending))
    c = asyncio.create_task(job(0.1), name="c")
    done, pending = await asyncio.wait([b, c], timeout=0.1)
    print(now(), "timer armed after the wait's own: done", sorted(t.get_name() for t in done),
          "pending", sorted(t.get_name() for t in pending))
    await asyncio.wait([b, c])
