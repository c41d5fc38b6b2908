# A child cancelled on its own (not through the gather) makes the gather raise CancelledError
# without return_exceptions; the other children keep running.
import asyncio

from conf import ename, now


async def child(name, delay):
    await asyncio.sleep(delay)
    print(now(), name, "finished")


async def main():
    a = asyncio.create_task(child("a", 0.3))
    b = asyncio.create_task(child("b", 1))
    g = asyncio.gather(a, b)
    await asyncio.sleep(0.1)
    b.cancel()
    try:
        await g
    except asyncio.CancelledError as e:
        print(now(), "gather raised", ename(e), "a done", a.done())
    await a
    print(now(), "a finished anyway")
