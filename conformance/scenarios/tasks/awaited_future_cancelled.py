# When the future a task awaits is cancelled by someone else, the task gets CancelledError; if it
# lets it escape, the task ends cancelled. Cancelling the task also cancels the future it awaits.
import asyncio

from conf import ename


async def waiter(name, fut):
    try:
        await fut
    except asyncio.CancelledError as e:
        print(name, "got", ename(e), f"[{e}]")
        raise


async def main():
    loop = asyncio.get_running_loop()
    f1 = loop.create_future()
    t1 = asyncio.create_task(waiter("t1", f1))
    f2 = loop.create_future()
    t2 = asyncio.create_task(waiter("t2", f2))
    await asyncio.sleep(0)
    f1.cancel("future cancelled")
    t2.cancel("task cancelled")
    print("f2 cancelled by the task's cancel:", f2.cancelled())
    await asyncio.gather(t1, t2, return_exceptions=True)
    print("t1 cancelled", t1.cancelled(), "t2 cancelled", t2.cancelled())
