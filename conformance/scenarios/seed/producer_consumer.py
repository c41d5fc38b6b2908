# Seed tutorial: two consumers, two producers of five values each, then cancel the consumers at
# 15 s and gather everything with return_exceptions. random.randint(1, 10) is replaced by a fixed
# sequence so both sides print the same values.
import asyncio

from conf import now, show

VALUES = iter([3, 7, 1, 10, 4, 6, 2, 9, 5, 8])


async def consumer(queue, id):
    while True:
        val = await queue.get()
        print(now(), "consumer {} consume {}".format(id, val))
        await asyncio.sleep(1)


async def producer(queue, id):
    for i in range(5):
        val = next(VALUES)
        await queue.put(val)
        print(now(), "producer {} produce {}".format(id, val))
        await asyncio.sleep(1)


async def main():
    queue = asyncio.Queue()
    consumer1 = asyncio.create_task(consumer(queue, 1))
    consumer2 = asyncio.create_task(consumer(queue, 2))
    producer3 = asyncio.create_task(producer(queue, 1))
    producer4 = asyncio.create_task(producer(queue, 2))

    await asyncio.sleep(15)
    consumer1.cancel()
    consumer2.cancel()
    results = await asyncio.gather(consumer1, consumer2, producer3, producer4, return_exceptions=True)
    print(now(), "results", [show(r) for r in results])
