"""W8 on CPython asyncio: two tasks each descend `depth` awaited coroutines and switch with
asyncio.sleep(0) at the bottom. CPython resumes the chain of awaits in C, one frame per level."""

import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, now, params, report  # noqa: E402

DEPTHS = [0, 10, 100, 1000]
sys.setrecursionlimit(10_000)


def switches(n, depth):
    return max(200, n // max(1, depth // 10))


async def bottom(k):
    for _ in range(k):
        await asyncio.sleep(0)
    return k


async def chain(depth, k):
    if depth == 0:
        return await bottom(k)
    return await chain(depth - 1, k)


async def both(depth, k):
    a = asyncio.create_task(chain(depth, k))
    b = asyncio.create_task(chain(depth, k))
    return await a + await b


n = params()["n"]
for depth in DEPTHS:  # untimed warm-up over every depth, as the JavaScript programs do
    asyncio.run(both(depth, max(1, switches(n, depth) // 5)))
rates = {}
last = None
for depth in DEPTHS:
    k = switches(n, depth)
    t0 = now()
    total = asyncio.run(both(depth, k))
    ms = now() - t0
    check(total == 2 * k, f"depth {depth}: both tasks finished ({total})")
    rates[f"d{depth}"] = 2 * k / ms * 1000
    last = (ms, 2 * k)
report(ms=last[0], ops=last[1], **rates)
