# How many loop iterations each kind of await takes before the awaiting task resumes, counted by
# a ticker task that prints once per iteration. Pins the exact scheduling cost of each primitive.
import asyncio

ticks = 0


async def ticker():
    global ticks
    while True:
        await asyncio.sleep(0)
        ticks += 1


async def quick():
    return "quick"


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)

    async def measure(label, make):
        await asyncio.sleep(0)
        start = ticks
        await make()
        print(label, ticks - start)

    done = loop.create_future()
    done.set_result(1)

    def soon_future():
        f = loop.create_future()
        loop.call_soon(f.set_result, None)
        return f

    def chained():
        f1, f2 = loop.create_future(), loop.create_future()
        f1.add_done_callback(lambda f: f2.set_result(None))
        loop.call_soon(f1.set_result, None)
        return f2

    def done_task():
        return asyncio.create_task(quick())

    q = asyncio.Queue()
    q.put_nowait("x")

    def get_later():
        loop.call_soon(q.put_nowait, "y")
        return q.get()

    async def in_timeout():
        async with asyncio.timeout(10):
            await done

    async def in_group():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(quick())

    await measure("done future", lambda: done)
    await measure("sleep(0)", lambda: asyncio.sleep(0))
    await measure("future set by call_soon", soon_future)
    await measure("future set by a done callback", chained)
    await measure("new task returning at once", done_task)
    await measure("inline coroutine", quick)
    await measure("gather(done future)", lambda: asyncio.gather(done))
    await measure("gather(coroutine)", lambda: asyncio.gather(quick()))
    await measure("gather()", lambda: asyncio.gather())
    await measure("wait([done future])", lambda: asyncio.wait([done]))
    await measure("shield(done future)", lambda: asyncio.shield(done))
    await measure("shield(coroutine)", lambda: asyncio.shield(quick()))
    await measure("wait_for(coroutine, 10)", lambda: asyncio.wait_for(quick(), 10))
    await measure("wait_for(done future, 10)", lambda: asyncio.wait_for(done, 10))
    await measure("queue.get() with an item", q.get)
    await measure("queue.get() woken by call_soon", get_later)
    await measure("timeout around a done future", in_timeout)
    await measure("TaskGroup with one quick child", in_group)
    t.cancel()
