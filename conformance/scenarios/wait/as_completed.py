# as_completed yields results in completion order; an error is raised by its own step; after
# the timeout the remaining steps raise TimeoutError without cancelling the awaitables.
import asyncio

from conf import ename, now


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name


async def main():
    aws = [job("c", 0.3), job("a", 0.1), job("boom", 0.2, fail=True), job("b", 0.15)]
    for step in asyncio.as_completed(aws):
        try:
            value = await step
            print(now(), "next:", value)
        except ValueError as e:
            print(now(), "next raised", ename(e), e)

    slow = asyncio.create_task(job("slow", 1))
    for step in asyncio.as_completed([job("quick", 0.1), slow], timeout=0.5):
        try:
            value = await step
            print(now(), "next:", value)
        except TimeoutError as e:
            print(now(), "next raised", ename(e))
    print("slow cancelled?", slow.cancelled())
    last = await slow
    print(now(), "slow finishes anyway:", last)
