# Deviation: bad arguments. asyncio.wait([]) raises ValueError, and only when awaited (wait is a
# coroutine); asyncio.Queue(1.5) is accepted and full after two puts. corio checks arguments when
# called and throws typed errors: TypeError for an empty wait(), RangeError for a maxsize that is
# not an integer.
import asyncio

from conf import ename


async def main():
    try:
        w = asyncio.wait([])
        print("wait([]) created")
        await w
    except Exception as e:  # noqa: BLE001
        print("wait([]) raised", ename(e))
    try:
        q = asyncio.Queue(1.5)
        print("Queue(1.5) created, maxsize", q.maxsize)
    except Exception as e:  # noqa: BLE001
        print("Queue(1.5) raised", ename(e))
