# gather(...).cancel(msg) passes the message on to every child, and the awaiter of the gather
# sees it too.
import asyncio

from conf import ename, now


async def child(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print(now(), name, "cancelled with", f"[{e}]")
        raise


async def main():
    g = asyncio.gather(child("a"), child("b"))
    await asyncio.sleep(0.1)
    print("cancel ->", g.cancel("shutting down"), "again ->", g.cancel("twice"))
    try:
        await g
    except asyncio.CancelledError as e:
        print(now(), "awaiter got", ename(e), f"[{e}]")
