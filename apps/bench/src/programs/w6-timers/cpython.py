"""W6 on CPython asyncio: n loop.call_later timers at random 0-100 ms, every other one cancelled."""

import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, now, params, prng, report  # noqa: E402


async def main(n):
    loop = asyncio.get_running_loop()
    random = prng(42)
    done = loop.create_future()
    expected = n >> 1
    state = {"fired": 0, "wrong": 0}

    def fire(i):
        if i & 1:
            state["wrong"] += 1
        state["fired"] += 1
        if state["fired"] == expected:
            done.set_result(None)

    handles = [loop.call_later(int(random() * 101) / 1000, fire, i) for i in range(n)]
    for i in range(1, n, 2):
        handles[i].cancel()
    await done
    return state


n = params()["n"]
t0 = now()
state = asyncio.run(main(n))
ms = now() - t0
check(state["fired"] == n >> 1 and state["wrong"] == 0, f"live timers fired: {state}")
report(ms=ms, ops=n)
