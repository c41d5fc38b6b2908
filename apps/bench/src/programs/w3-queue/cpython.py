"""W3 on CPython asyncio: asyncio.Queue(maxsize=100); p producers put n items, c consumers get."""

import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, now, params, report  # noqa: E402


async def main(n, producers, consumers):
    queue = asyncio.Queue(maxsize=100)

    async def producer(p):
        for i in range(p, n, producers):
            await queue.put(i)
        return 0

    async def consumer():
        total = 0
        for _ in range(n // consumers):
            total += await queue.get()
        return total

    tasks = [asyncio.create_task(producer(p)) for p in range(producers)]
    tasks += [asyncio.create_task(consumer()) for _ in range(consumers)]
    return sum(await asyncio.gather(*tasks))


p = params()
n = p["n"]
t0 = now()
total = asyncio.run(main(n, p.get("producers", 1), p.get("consumers", 1)))
ms = now() - t0
check(total == n * (n - 1) // 2, f"every item arrived exactly once (sum {total})")
report(ms=ms, ops=n)
