# Deviation: awaiting a coroutine object a second time raises RuntimeError in Python. A corio
# coroutine is a generator: a second yield* of a finished generator returns undefined at once,
# without an error (and a second yield* of the same sleep() returns at once, the future being
# done).
import asyncio

from conf import ename, now


async def work():
    await asyncio.sleep(0.1)
    return "result"


async def main():
    c = work()
    value = await c
    print(now(), "first await:", value)
    try:
        value = await c
        print(now(), "second await:", value)
    except RuntimeError as e:
        print(now(), "second await raised", ename(e))
