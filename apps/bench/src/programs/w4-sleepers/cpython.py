"""W4 on CPython asyncio: n tasks sleeping (i % 1000) ms, gathered. Heap is not measured here."""

import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, now, params, report  # noqa: E402


async def main(n):
    woke = 0

    async def sleeper(i):
        nonlocal woke
        await asyncio.sleep((i % 1000) / 1000)
        woke += 1
        return i

    results = await asyncio.gather(*(sleeper(i) for i in range(n)))
    return sum(results), woke


n = params()["n"]
t0 = now()
total, woke = asyncio.run(main(n))
ms = now() - t0
check(woke == n and total == n * (n - 1) // 2, f"every sleeper woke ({woke})")
report(ms=ms)
