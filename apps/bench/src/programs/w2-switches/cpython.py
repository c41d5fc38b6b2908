"""W2 on CPython asyncio: two tasks each give up control n times with asyncio.sleep(0)."""

import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, now, params, report  # noqa: E402


async def main(n):
    state = {"last": -1, "alternations": 0}

    async def switcher(ident):
        for _ in range(n):
            if state["last"] != ident:
                state["alternations"] += 1
                state["last"] = ident
            await asyncio.sleep(0)
        return n

    a = asyncio.create_task(switcher(0))
    b = asyncio.create_task(switcher(1))
    return await a + await b, state["alternations"]


n = params()["n"]
t0 = now()
total, alternations = asyncio.run(main(n))
ms = now() - t0
check(total == 2 * n, f"both tasks finished ({total})")
check(alternations >= n, f"the tasks took turns ({alternations} alternations)")
report(ms=ms, ops=2 * n, alternations=alternations)
