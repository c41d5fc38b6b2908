# Deviation: with return_exceptions, asyncio puts a fresh CancelledError built from the child's
# _cancel_message in a cancelled child's place; for a task that message is lost (a task marks
# itself cancelled without it), so both tasks show an empty message. corio hands over the
# CancelledError that actually cancelled the child, message included.
import asyncio

from conf import ename, now


async def sleeper():
    await asyncio.sleep(1)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    early = asyncio.create_task(sleeper())
    waiting = asyncio.create_task(sleeper())
    fut.cancel("future msg")
    early.cancel("early msg")
    loop.call_later(0.1, waiting.cancel, "waiting msg")
    results = await asyncio.gather(fut, early, waiting, return_exceptions=True)
    print(now(), [f"{ename(r)}[{r}]" for r in results])
