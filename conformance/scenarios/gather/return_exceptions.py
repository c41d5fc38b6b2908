# With return_exceptions, errors and cancellations take their place among the results and
# every child runs to its end.
import asyncio

from conf import now, show


async def ok(delay, value):
    await asyncio.sleep(delay)
    print(now(), "ok", value)
    return value


async def fail(delay, exc):
    await asyncio.sleep(delay)
    print(now(), "raising", type(exc).__name__)
    raise exc


async def main():
    victim = asyncio.create_task(ok(10, "never"))
    asyncio.get_running_loop().call_later(0.15, victim.cancel)
    results = await asyncio.gather(
        ok(0.3, "a"), fail(0.1, ValueError("bad")), victim, fail(0.2, KeyError("k")), ok(0.05, "b"),
        return_exceptions=True,
    )
    print(now(), "results", [show(r) for r in results])
