# Nested timeouts: only the scope whose deadline passed raises TimeoutError; an inner scope that
# outlives an outer deadline lets the cancellation through to the outer one.
import asyncio

from conf import ename, now


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1) as outer:
            try:
                async with asyncio.timeout(0.3) as inner:
                    await asyncio.sleep(2)
            except TimeoutError as e:
                print(now(), "inner raised", ename(e), "inner expired", inner.expired(),
                      "outer expired", outer.expired())
            await asyncio.sleep(2)
    except TimeoutError as e:
        print(now(), "outer raised", ename(e), "outer expired", outer.expired())
    print("cancelling after both", asyncio.current_task().cancelling())

    try:
        async with asyncio.timeout(0.5) as outer:
            try:
                async with asyncio.timeout(5) as inner:
                    await asyncio.sleep(2)
            except asyncio.CancelledError as e:
                print(now(), "inside the outer scope:", ename(e), "inner expired", inner.expired())
                raise
    except TimeoutError as e:
        print(now(), "outer raised", ename(e), "outer expired", outer.expired())

    try:
        async with asyncio.timeout_at(loop.time() + 0.2):
            async with asyncio.timeout_at(loop.time() + 0.2):
                await asyncio.sleep(1)
    except TimeoutError as e:
        print(now(), "same deadline twice:", ename(e))
    print("cancelling at the end", asyncio.current_task().cancelling())
