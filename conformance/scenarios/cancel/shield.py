# shield(): cancelling the task that awaits a shielded operation cancels only the wait; the
# inner task keeps running and finishes. Cancelling the inner task cancels the outer wait too.
import asyncio

from conf import ename, now


async def save(label, delay):
    print(now(), label, "saving")
    await asyncio.sleep(delay)
    print(now(), label, "saved")
    return label


async def caller(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError as e:
        print(now(), "caller cancelled:", ename(e), "inner done:", inner.done())
        raise


async def main():
    inner = asyncio.create_task(save("doc", 1))
    t = asyncio.create_task(caller(inner))
    await asyncio.sleep(0.2)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(now(), "caller task cancelled", t.cancelled())
    result = await inner
    print(now(), "inner result", result, "inner cancelled", inner.cancelled())

    inner2 = asyncio.create_task(save("doc2", 1))
    t2 = asyncio.create_task(caller(inner2))
    await asyncio.sleep(0.2)
    inner2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print(now(), "when the inner is cancelled the caller is cancelled too:", t2.cancelled())
