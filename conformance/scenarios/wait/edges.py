# wait() edges: FIRST_EXCEPTION returns at once when a future already failed; a cancelled future
# is not an exception, so FIRST_EXCEPTION keeps waiting; as_completed's timeout makes the
# remaining steps raise TimeoutError even if their task finished before the step is awaited.
import asyncio

from conf import ename, now


async def job(delay):
    await asyncio.sleep(delay)
    return delay


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    loop = asyncio.get_running_loop()
    failed = loop.create_future()
    failed.set_exception(ValueError("already failed"))
    slow = asyncio.create_task(job(1), name="slow")
    done, pending = await asyncio.wait([failed, slow], return_when=asyncio.FIRST_EXCEPTION)
    print(now(), "already failed: done", len(done), "pending", names(pending))

    cancelled = loop.create_future()
    cancelled.cancel()
    done, pending = await asyncio.wait([cancelled, slow], return_when=asyncio.FIRST_EXCEPTION)
    print(now(), "cancelled is not an exception: done", len(done), "pending", len(pending))

    a = asyncio.create_task(job(0.1))
    b = asyncio.create_task(job(0.2))
    steps = asyncio.as_completed([a, b], timeout=0.15)
    await asyncio.sleep(0.3)
    print(now(), "both finished:", a.done(), b.done())
    for step in steps:
        try:
            value = await step
            print(now(), "step gave", value)
        except TimeoutError as e:
            print(now(), "step raised", ename(e))
