# When the work and the deadline fall on the same instant, the timer scheduled first wins:
# wait_for arms its deadline before an inline coroutine sleeps (timeout), but a task that started
# sleeping earlier finishes first and is cancelled before its awaiter resumes (also a timeout).
import asyncio

from conf import ename, now


async def work(label):
    try:
        await asyncio.sleep(0.1)
        print(now(), label, "finished its sleep")
        return label
    except asyncio.CancelledError:
        print(now(), label, "cancelled")
        raise


async def main():
    try:
        value = await asyncio.wait_for(work("inline"), 0.1)
        print(now(), "inline:", value)
    except TimeoutError as e:
        print(now(), "inline:", ename(e))

    t = asyncio.create_task(work("task"))
    await asyncio.sleep(0)
    try:
        value = await asyncio.wait_for(t, 0.1)
        print(now(), "task:", value)
    except TimeoutError as e:
        print(now(), "task:", ename(e), "cancelled", t.cancelled())

    t2 = asyncio.create_task(work("task2"))
    await asyncio.sleep(0)
    try:
        value = await asyncio.wait_for(t2, 0.1001)
        print(now(), "deadline a bit later:", value)
    except TimeoutError as e:
        print(now(), "task2:", ename(e))
