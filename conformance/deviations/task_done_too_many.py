# Deviation: task_done() called more often than items were put raises ValueError in asyncio;
# corio throws InvalidStateError (JavaScript has no ValueError; the queue is in the wrong state).
import asyncio

from conf import ename


async def main():
    q = asyncio.Queue()
    q.put_nowait(1)
    q.get_nowait()
    q.task_done()
    try:
        q.task_done()
    except Exception as e:  # noqa: BLE001
        print("second task_done raised", ename(e))
