# A request id carried through tasks: each task runs in a copy of its creator's context, so it
# sees its own value across waits, a child inherits the value current at its creation, and what
# the child sets never reaches its parent.
import asyncio
import contextvars

from conf import now

request_id = contextvars.ContextVar("request_id", default="-")


async def child(tag):
    print(now(), tag, "child sees", request_id.get())
    request_id.set(request_id.get() + "/child")
    await asyncio.sleep(0.005)
    print(now(), tag, "child ends with", request_id.get())


async def handle(rid, delay):
    request_id.set(rid)
    await asyncio.sleep(delay)
    c = asyncio.create_task(child(rid))
    request_id.set(rid + "!")
    await c
    print(now(), rid, "ends with", request_id.get())


async def main():
    a = asyncio.create_task(handle("r1", 0.01))
    b = asyncio.create_task(handle("r2", 0.01))
    print("main before", request_id.get())
    await a
    await b
    print("main after", request_id.get())
    ctx = contextvars.copy_context()
    request_id.set("main")
    t = asyncio.create_task(child("shared"), context=ctx)
    await t
    print("ctx now", ctx.get(request_id), "main", request_id.get())
