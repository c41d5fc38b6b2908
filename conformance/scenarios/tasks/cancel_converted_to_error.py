# A coroutine that turns its CancelledError into another exception makes the task fail with
# that exception instead of ending cancelled; awaiting an inline coroutine that does not wait
# never gives up control.
import asyncio

from conf import ename, now


async def converter():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        raise ValueError("cancelled, reported as an error")


async def quick():
    return "no wait"


async def main():
    t = asyncio.create_task(converter())
    asyncio.create_task(asyncio.sleep(0))
    print("inline:", await quick(), "at", now())
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
    except ValueError as e:
        print(now(), "task failed with", ename(e), e)
    print("cancelled", t.cancelled(), "exception", ename(t.exception()))
    slept = await asyncio.sleep(0.05, result="slept")
    print("sleep result:", slept, now())
