"""W1e on CPython asyncio with eager_task_factory: n trivial coroutines, each done inside
create_task, gathered."""

import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, now, params, report  # noqa: E402


async def work(i):
    return i * 2


async def main(n):
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    tasks = [asyncio.create_task(work(i)) for i in range(n)]
    return sum(await asyncio.gather(*tasks))


n = params()["n"]
t0 = now()
total = asyncio.run(main(n))
ms = now() - t0
check(total == n * (n - 1), f"every task's result was gathered ({total})")
report(ms=ms, ops=n)
