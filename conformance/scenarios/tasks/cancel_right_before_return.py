# A task cancelled in the same step in which its coroutine returns ends cancelled (with the
# cancel message); its return value is dropped. uncancel() in that step undoes it.
import asyncio

from conf import ename


async def returns_after_self_cancel(undo):
    me = asyncio.current_task()
    me.cancel("right before return")
    if undo:
        me.uncancel()
    return "value"


async def main():
    for undo in (False, True):
        t = asyncio.create_task(returns_after_self_cancel(undo))
        try:
            result = await t
            print("undo", undo, "-> result", result)
        except asyncio.CancelledError as e:
            print("undo", undo, "-> raised", ename(e), f"[{e}]", "cancelled", t.cancelled())
