"""W10 on CPython asyncio: n jobs through asyncio.to_thread (the loop's default executor), gathered.

The executor is warmed up first and only the n jobs are timed, as in the Node programs."""

import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, now, params, report  # noqa: E402

HEAVY_ROUNDS = 10_000_000
HEAVY_RESULT = 1648114245  # heavy(HEAVY_ROUNDS), as the JavaScript programs check it


def small(i):
    return i * 2


def heavy(rounds):
    h = 0x811C9DC5
    for i in range(rounds):
        h ^= i & 0xFF
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def run_w8(kind):
    n = params()["n"]
    fn, arg = (small, None) if kind == "small" else (heavy, HEAVY_ROUNDS)

    timing = {}

    async def main():
        # Warm up the default executor (its threads start on demand), then time the n jobs only.
        await asyncio.gather(*[asyncio.to_thread(small, i) for i in range(8)])
        t0 = now()
        jobs = [asyncio.to_thread(fn, i if arg is None else arg) for i in range(n)]
        total = sum(await asyncio.gather(*jobs))
        timing["ms"] = now() - t0
        return total

    total = asyncio.run(main())
    ms = timing["ms"]
    expected = sum(small(i) for i in range(n)) if kind == "small" else n * HEAVY_RESULT
    check(total == expected, f"every job's result came back ({total})")
    report(ms=ms, ops=n)
