# wait() with FIRST_COMPLETED, FIRST_EXCEPTION and ALL_COMPLETED returns (done, pending) at the
# right moment and never cancels what is pending.
import asyncio

from conf import now


async def job(delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError("job failed")
    return delay


def names(tasks):
    return sorted(t.get_name() for t in tasks)


def start():
    return [
        asyncio.create_task(job(0.3), name="slow"),
        asyncio.create_task(job(0.2, fail=True), name="failing"),
        asyncio.create_task(job(0.1), name="fast"),
    ]


async def main():
    for when in (asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED):
        t0 = now()
        tasks = start()
        done, pending = await asyncio.wait(tasks, return_when=when)
        print(now() - t0, when, "done", names(done), "pending", names(pending))
        print("  pending cancelled?", [t.cancelled() for t in pending])
        await asyncio.wait(tasks)
    t0 = now()
    tasks = start()
    done, pending = await asyncio.wait(tasks, timeout=0.15)
    print(now() - t0, "timeout 150 ms: done", names(done), "pending", names(pending))
    done, pending = await asyncio.wait(tasks, timeout=0)
    print(now() - t0, "timeout 0: done", names(done), "pending", names(pending))
    await asyncio.wait(tasks)
    print(now() - t0, "exception of failing:", type(tasks[1].exception()).__name__)
