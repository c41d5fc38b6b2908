"""W5 on CPython asyncio: n tasks parked on a long sleep, all cancelled; every finally must run."""

import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, now, params, report  # noqa: E402


async def main(n):
    finallies = 0

    async def parked():
        nonlocal finallies
        try:
            await asyncio.sleep(3600)
        finally:
            finallies += 1

    tasks = [asyncio.create_task(parked()) for _ in range(n)]
    await asyncio.sleep(0)  # every task is parked on its sleep
    t0 = now()
    for t in tasks:
        t.cancel()
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    ms = now() - t0
    cancelled = sum(1 for o in outcomes if isinstance(o, asyncio.CancelledError))
    return ms, cancelled, finallies


n = params()["n"]
ms, cancelled, finallies = asyncio.run(main(n))
check(finallies == n and cancelled == n, f"cancelled {cancelled}, finally ran {finallies}")
report(ms=ms, ops=n)
