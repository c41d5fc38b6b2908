# asyncio.Runner: two runs on one loop; a task started in the first run goes on during the second;
# close() cancels what is left; run() after close() raises RuntimeError.
import asyncio

background = []


async def tick(name, n):
    try:
        for i in range(n):
            print(name, i)
            await asyncio.sleep(0)
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def first():
    background.append(asyncio.create_task(tick("bg", 10)))
    return await tick("first", 2)


def scenario():
    runner = asyncio.Runner()
    print("run 1 returned", runner.run(first()))
    print("run 2 returned", runner.run(tick("second", 2)))
    runner.close()
    print("bg cancelled", background[0].cancelled())
    runner.close()
    coro = tick("third", 1)
    try:
        runner.run(coro)
    except RuntimeError:
        print("run after close: RuntimeError")
    finally:
        coro.close()
