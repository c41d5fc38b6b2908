"""P1 on CPython asyncio: n round trips through `cat` (create_subprocess_exec + communicate with
1 KiB of input), four at a time."""

import asyncio
import os
import sys
from asyncio.subprocess import PIPE

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, now, params, report  # noqa: E402

INPUT = b"x" * 1024
WORKERS = 4


async def worker(rounds):
    total = 0
    for _ in range(rounds):
        proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
        out, _ = await proc.communicate(INPUT)
        if proc.returncode == 0 and out == INPUT:
            total += len(out)
    return total


async def main(n):
    sizes = [n // WORKERS + (1 if w < n % WORKERS else 0) for w in range(WORKERS)]
    return sum(await asyncio.gather(*(worker(s) for s in sizes)))


n = params()["n"]
t0 = now()
total = asyncio.run(main(n))
ms = now() - t0
check(total == n * len(INPUT), f"every child echoed its input ({total} bytes)")
report(ms=ms, ops=n)
