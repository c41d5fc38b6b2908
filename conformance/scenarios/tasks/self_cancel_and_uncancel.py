# A task that cancels itself keeps running until its next await, where CancelledError arrives.
# A cancellation withdrawn with uncancel() before the task's first step is dropped (3.13).
import asyncio

from conf import ename


async def self_canceller():
    me = asyncio.current_task()
    print("cancel myself ->", me.cancel())
    print("still running; cancelling", me.cancelling())
    try:
        await asyncio.sleep(0)
        print("not reached")
    except asyncio.CancelledError as e:
        print("at the await:", ename(e))
        raise


async def body():
    print("body ran; cancelling", asyncio.current_task().cancelling())
    return "ran"


async def main():
    t = asyncio.create_task(self_canceller())
    try:
        await t
    except asyncio.CancelledError:
        print("self_canceller cancelled", t.cancelled())
    t2 = asyncio.create_task(body())
    t2.cancel()
    print("uncancel ->", t2.uncancel())
    result = await t2
    print("result", result, "cancelled", t2.cancelled())
