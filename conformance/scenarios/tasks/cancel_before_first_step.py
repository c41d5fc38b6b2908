# A task cancelled before its first step never runs its body; awaiting it raises CancelledError.
import asyncio

from conf import ename


async def body():
    print("body ran")  # never printed
    return 1


async def main():
    t = asyncio.create_task(body())
    print("cancel ->", t.cancel())
    print("cancelling", t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("await raised", ename(e))
    print("cancelled", t.cancelled(), "done", t.done())
    print("cancel again ->", t.cancel())
