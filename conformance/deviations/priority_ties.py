# Deviation: items of equal priority leave asyncio's PriorityQueue in heap order (unspecified);
# corio's PriorityQueue is stable: equal priorities come out in insertion order.
import asyncio
import dataclasses


@dataclasses.dataclass(order=True)
class Job:
    priority: int
    name: str = dataclasses.field(compare=False)


async def main():
    q = asyncio.PriorityQueue()
    for name in "abcdef":
        q.put_nowait(Job(1, name))
    print([q.get_nowait().name for _ in range(6)])
