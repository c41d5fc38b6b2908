"""W8 on CPython asyncio: n jobs through asyncio.to_thread (the loop's default executor), gathered."""

import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, now, params, report  # noqa: E402

HEAVY_ROUNDS = 2_000_000


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

    async def main():
        jobs = [asyncio.to_thread(fn, i if arg is None else arg) for i in range(n)]
        return sum(await asyncio.gather(*jobs))

    t0 = now()
    total = asyncio.run(main())
    ms = now() - t0
    expected = sum(small(i) for i in range(n)) if kind == "small" else n * heavy(HEAVY_ROUNDS)
    check(total == expected, f"every job's result came back ({total})")
    report(ms=ms, ops=n)
