# A timeout scope can be moved later, earlier, or disabled while its block runs; when() tells
# the deadline and expired() whether it passed.
import asyncio

from conf import ename, now


def ms(when):
    return None if when is None else round(when * 1000)


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(0.5) as scope:
        print(now(), "deadline", ms(scope.when()))
        await asyncio.sleep(0.3)
        scope.reschedule(loop.time() + 0.5)
        print(now(), "moved to", ms(scope.when()))
        await asyncio.sleep(0.4)
        print(now(), "still alive past the first deadline")
    print(now(), "block done, expired", scope.expired())

    try:
        async with asyncio.timeout(None) as scope:
            print(now(), "no deadline", ms(scope.when()))
            await asyncio.sleep(1)
            scope.reschedule(loop.time() + 0.1)
            await asyncio.sleep(1)
    except TimeoutError as e:
        print(now(), "deadline set later expired:", ename(e), scope.expired())

    async with asyncio.timeout(0.1) as scope:
        scope.reschedule(None)
        await asyncio.sleep(0.5)
    print(now(), "disabled deadline never fired, expired", scope.expired())

    try:
        async with asyncio.timeout(10) as scope:
            await asyncio.sleep(0.1)
            scope.reschedule(loop.time() - 1)
            print(now(), "moved into the past; the block runs until it awaits")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError as e:
        print(now(), "past deadline:", ename(e), scope.expired())
