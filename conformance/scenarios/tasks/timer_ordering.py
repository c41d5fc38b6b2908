# Callbacks: call_soon runs in FIFO order; call_later timers with equal deadlines run in the order
# they were scheduled, after the callbacks already ready; a cancelled timer never runs.
import asyncio

from conf import now


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    loop.call_later(0.2, lambda: print(now(), "later 200 #1"))
    loop.call_later(0.1, lambda: print(now(), "later 100"))
    loop.call_at(loop.time() + 0.2, lambda: print(now(), "at 200 #2"))
    cancelled = loop.call_later(0.15, lambda: print("cancelled timer ran"))
    loop.call_later(0, lambda: print(now(), "later 0"))
    loop.call_soon(lambda: print(now(), "soon 1"))
    loop.call_soon(lambda: print(now(), "soon 2"))
    loop.call_later(-5, lambda: print(now(), "later -5"))
    loop.call_later(0.2, lambda: print(now(), "later 200 #3"))
    loop.call_later(0.3, done.set_result, None)
    cancelled.cancel()
    print("cancelled handle:", cancelled.cancelled())
    await done
    print(now(), "end")
