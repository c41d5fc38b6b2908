# gather's and TaskGroup's children are tasks, so each runs in its own copy of the context current
# when it was created: a value set between two create_task calls reaches only the second child.
import asyncio
import contextvars

from conf import now

v = contextvars.ContextVar("v", default="-")


async def child(name, delay):
    print(now(), name, "starts in", v.get())
    v.set(name)
    await asyncio.sleep(delay)
    print(now(), name, "ends in", v.get())
    return name + ":" + v.get()


async def main():
    v.set("parent")
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child("a", 0.02))
        v.set("parent-2")
        tg.create_task(child("b", 0.01))
    print(now(), "after group", v.get())
    results = await asyncio.gather(child("x", 0.01), child("y", 0.005))
    print(now(), "gather", results, v.get())
