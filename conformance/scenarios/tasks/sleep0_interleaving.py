# sleep(0) yields exactly one loop iteration: two loops interleave step by step, and a
# call_soon callback scheduled in between runs in its own slot.
import asyncio

from conf import now


async def ping(name, n):
    for i in range(n):
        print(name, i)
        if i == 1:
            asyncio.get_running_loop().call_soon(print, "soon from", name)
        await asyncio.sleep(0)


async def main():
    t1 = asyncio.create_task(ping("ping", 4))
    t2 = asyncio.create_task(ping("pong", 3))
    await t1
    await t2
    print(now(), "end")
