# cancelling() counts cancellation requests; uncancel() withdraws one. A task that swallows a
# cancellation keeps the count until it uncancels.
import asyncio

from conf import now


async def worker():
    me = asyncio.current_task()
    for round_ in range(2):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print(now(), "round", round_, "caught; cancelling", me.cancelling())
            print("uncancel ->", me.uncancel())
    print(now(), "worker finished; cancelling", me.cancelling())
    return "ok"


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    print("cancel ->", t.cancel(), "cancel ->", t.cancel())
    print("cancelling after two requests", t.cancelling())
    await asyncio.sleep(0.1)
    t.cancel()
    print(now(), "result", await t, "cancelled", t.cancelled())
