# Without return_exceptions the first error reaches the awaiter at once; the other children are
# not cancelled and keep running.
import asyncio

from conf import ename, now


async def worker(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        print(now(), name, "raises")
        raise ValueError(name)
    print(now(), name, "finished")
    return name


async def main():
    a = asyncio.create_task(worker("a", 0.5))
    b = asyncio.create_task(worker("b", 0.1, fail=True))
    c = asyncio.create_task(worker("c", 0.2, fail=True))
    g = asyncio.gather(a, b, c)
    try:
        await g
    except ValueError as e:
        print(now(), "gather raised", ename(e), e)
    print("a done", a.done(), "c done", c.done())
    await asyncio.sleep(1)
    print(now(), "a result", a.result(), "c exception", ename(c.exception()))
    print("gather done", g.done(), "cancel() on done gather", g.cancel())
