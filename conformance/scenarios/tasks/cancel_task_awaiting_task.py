# Cancelling a task that awaits another task cancels the inner one too; both see CancelledError,
# inner first.
import asyncio

from conf import ename, now


async def inner():
    try:
        await asyncio.sleep(5)
    finally:
        print(now(), "inner finally")


async def outer(t):
    try:
        await t
    except asyncio.CancelledError as e:
        print(now(), "outer caught", ename(e), "inner cancelled:", t.cancelled())
        raise


async def main():
    t_in = asyncio.create_task(inner())
    t_out = asyncio.create_task(outer(t_in))
    await asyncio.sleep(1)
    print(now(), "cancel outer ->", t_out.cancel())
    print("inner cancelling", t_in.cancelling(), "outer cancelling", t_out.cancelling())
    await asyncio.sleep(0)
    print("after 1 iteration: inner done", t_in.done(), "outer done", t_out.done())
    await asyncio.sleep(0)
    print("after 2 iterations: inner done", t_in.done(), "outer done", t_out.done())
    await asyncio.sleep(0)
    print("after 3 iterations: inner done", t_in.done(), "outer done", t_out.done())
    print("inner cancelled", t_in.cancelled(), "outer cancelled", t_out.cancelled())
