# A main task that cancels itself makes run() raise CancelledError; an inner try/finally runs.
import asyncio

from conf import now


async def main():
    try:
        await asyncio.sleep(0.1)
        asyncio.current_task().cancel()
        print(now(), "main cancelled itself")
        await asyncio.sleep(1)
    finally:
        print(now(), "main finally")
