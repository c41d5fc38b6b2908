# Every failure ends up in the ExceptionGroup: children that fail in the same iteration, a child
# that fails while being cancelled, and the block's own error (it turns its cancellation into
# a TypeError; it comes last); split() sorts them by type.
import asyncio

from conf import ename, now


async def fail_at(delay, exc):
    await asyncio.sleep(delay)
    raise exc


async def fail_on_cancel():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise KeyError("raised while cancelled")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_at(0.05, ValueError("v1")))
            tg.create_task(fail_on_cancel())
            tg.create_task(fail_at(0.05, ValueError("v2")))
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                raise TypeError("from the block")
    except ExceptionGroup as eg:
        print(now(), "group of", len(eg.exceptions), [ename(e) for e in eg.exceptions])
        values, rest = eg.split(ValueError)
        print("values", [str(e) for e in values.exceptions])
        print("rest", [ename(e) for e in rest.exceptions])
        keys = eg.subgroup(KeyError)
        print("subgroup(KeyError)", [ename(e) for e in keys.exceptions])
        print("subgroup(RuntimeError) is None:", eg.subgroup(RuntimeError) is None)
