"""The CPython 3.13 side of test/order.test.ts: prints each scenario's event trace.

Run: PYENV_VERSION=3.13.0 python packages/queue/test/cpython/order.py
"""
import asyncio
import json

traces = {}


def scenario(fn):
    log = []
    asyncio.run(fn(log))
    traces[fn.__name__] = log
    return fn


@scenario
async def bounded_handoff(log):
    q = asyncio.Queue(2)

    async def producer(name, items):
        for i in items:
            log.append(f"{name} put {i}?")
            await q.put(i)
            log.append(f"{name} put {i}")

    async def consumer(name, n):
        for _ in range(n):
            item = await q.get()
            log.append(f"{name} got {item}")
            await asyncio.sleep(0)

    await asyncio.gather(
        producer("p1", [1, 2, 3]),
        producer("p2", [10, 20, 30]),
        consumer("c1", 3),
        consumer("c2", 3),
    )
    log.append(f"size {q.qsize()}")


@scenario
async def woken_getter_cancelled(log):
    q = asyncio.Queue()

    async def getter(name):
        try:
            log.append(f"{name} got {await q.get()}")
        except asyncio.CancelledError:
            log.append(f"{name} cancelled")
            raise

    tasks = [asyncio.create_task(getter(n)) for n in ("g1", "g2", "g3")]
    await asyncio.sleep(0)
    q.put_nowait(1)
    q.put_nowait(2)
    tasks[0].cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    log.append(f"size {q.qsize()}")


@scenario
async def woken_putter_cancelled(log):
    q = asyncio.Queue(1)
    q.put_nowait(0)

    async def putter(name, item):
        try:
            await q.put(item)
            log.append(f"{name} put {item}")
        except asyncio.CancelledError:
            log.append(f"{name} cancelled")
            raise

    tasks = [asyncio.create_task(putter(f"p{i}", i)) for i in (1, 2, 3)]
    await asyncio.sleep(0)
    log.append(f"main got {q.get_nowait()}")
    tasks[0].cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    log.append(f"main got {q.get_nowait()}")
    await asyncio.gather(*tasks, return_exceptions=True)
    log.append(f"main got {q.get_nowait()}")
    log.append(f"size {q.qsize()}")


@scenario
async def barging_get(log):
    q = asyncio.Queue()

    async def getter(name):
        log.append(f"{name} got {await q.get()}")

    g1 = asyncio.create_task(getter("g1"))
    await asyncio.sleep(0)
    g2 = asyncio.create_task(getter("g2"))
    await asyncio.sleep(0)
    q.put_nowait(1)  # wakes g1
    log.append(f"main got {await q.get()}")  # takes the item before g1 runs
    await asyncio.sleep(0)
    q.put_nowait(2)
    q.put_nowait(3)
    await asyncio.gather(g1, g2)


@scenario
async def shutdown_graceful(log):
    q = asyncio.Queue(1)
    q.put_nowait("a")

    async def putter():
        try:
            await q.put("b")
            log.append("putter put b")
        except asyncio.QueueShutDown:
            log.append("putter shut down")

    async def joiner():
        await q.join()
        log.append("joined")

    async def consumer():
        while True:
            try:
                item = await q.get()
            except asyncio.QueueShutDown:
                log.append("consumer shut down")
                return
            log.append(f"consumer got {item}")
            await asyncio.sleep(0)
            q.task_done()
            log.append(f"consumer done {item}")

    p = asyncio.create_task(putter())
    j = asyncio.create_task(joiner())
    await asyncio.sleep(0)
    q.shutdown()
    log.append(f"shutdown size {q.qsize()}")
    c = asyncio.create_task(consumer())
    await asyncio.gather(p, j, c)


@scenario
async def shutdown_immediate(log):
    q = asyncio.Queue(2)
    q.put_nowait("a")
    q.put_nowait("b")

    async def putter():
        try:
            await q.put("c")
        except asyncio.QueueShutDown:
            log.append("putter shut down")

    async def joiner():
        await q.join()
        log.append("joined")

    p = asyncio.create_task(putter())
    j = asyncio.create_task(joiner())
    log.append(f"main got {await q.get()}")
    q.shutdown(immediate=True)
    log.append(f"shutdown size {q.qsize()}")
    await asyncio.sleep(0)
    q.task_done()
    log.append("main task_done")
    await asyncio.gather(p, j)
    try:
        q.task_done()
    except ValueError:
        log.append("task_done too many")


@scenario
async def getters_woken_by_shutdown(log):
    q = asyncio.Queue()

    async def getter(name):
        try:
            log.append(f"{name} got {await q.get()}")
        except asyncio.QueueShutDown:
            log.append(f"{name} shut down")

    tasks = [asyncio.create_task(getter(n)) for n in ("g1", "g2")]
    await asyncio.sleep(0)
    q.put_nowait(1)
    q.shutdown()
    log.append("shutdown")
    await asyncio.gather(*tasks)
    log.append(f"size {q.qsize()}")


@scenario
async def join_waits_for_task_done(log):
    q = asyncio.Queue()

    async def worker(name):
        while True:
            item = await q.get()
            log.append(f"{name} got {item}")
            await asyncio.sleep(0)
            q.task_done()

    async def joiner(name):
        await q.join()
        log.append(f"{name} joined")

    workers = [asyncio.create_task(worker(n)) for n in ("w1", "w2")]
    for i in range(3):
        q.put_nowait(i)
    joiners = [asyncio.create_task(joiner(n)) for n in ("j1", "j2")]
    await q.join()
    log.append("main joined")
    await asyncio.gather(*joiners)
    for w in workers:
        w.cancel()


@scenario
async def lifo_and_priority(log):
    lq = asyncio.LifoQueue()
    pq = asyncio.PriorityQueue()
    for i in [3, 1, 4, 1, 5, 9, 2, 6]:
        lq.put_nowait(i)
        pq.put_nowait((i % 3, i))
    log.append(" ".join(str(lq.get_nowait()) for _ in range(8)))
    log.append(" ".join(str(pq.get_nowait()) for _ in range(8)))


@scenario
async def put_cancelled_race(log):
    q = asyncio.Queue(maxsize=1)

    async def putter(item):
        try:
            await q.put(item)
            log.append(f"put {item}")
        except asyncio.CancelledError:
            log.append(f"cancelled {item}")
            raise

    put_a = asyncio.create_task(putter("a"))
    put_b = asyncio.create_task(putter("b"))
    put_c = asyncio.create_task(putter("X"))
    await asyncio.sleep(0)
    log.append(f"a done {put_a.done()}, b done {put_b.done()}")
    put_c.cancel()
    await asyncio.sleep(0)
    log.append(f"c done {put_c.done()}")
    log.append(f"main got {q.get_nowait()}")
    await asyncio.sleep(0)
    log.append(f"main got {q.get_nowait()}")
    await put_b
    log.append(f"size {q.qsize()}")


@scenario
async def getter_timeouts(log):
    q = asyncio.Queue()
    loop = asyncio.get_running_loop()

    async def getter(name):
        try:
            log.append(f"{name} got {await q.get()}")
        except asyncio.CancelledError:
            log.append(f"{name} timed out")

    g1 = asyncio.create_task(getter("g1"))
    g2 = asyncio.create_task(getter("g2"))
    g3 = asyncio.create_task(getter("g3"))
    loop.call_later(0.01, g1.cancel)
    loop.call_later(0.03, g3.cancel)
    loop.call_later(0.02, q.put_nowait, "x")
    await asyncio.gather(g1, g2, g3)
    log.append(f"size {q.qsize()}")


@scenario
async def join_cancelled(log):
    q = asyncio.Queue()
    q.put_nowait(1)

    async def joiner(name):
        try:
            await q.join()
            log.append(f"{name} joined")
        except asyncio.CancelledError:
            log.append(f"{name} cancelled")

    j1 = asyncio.create_task(joiner("j1"))
    j2 = asyncio.create_task(joiner("j2"))
    await asyncio.sleep(0)
    q.get_nowait()
    q.task_done()  # releases both...
    j1.cancel()  # ...but j1 is cancelled before it resumes
    await asyncio.gather(j1, j2)


print(json.dumps(traces, indent=1))
