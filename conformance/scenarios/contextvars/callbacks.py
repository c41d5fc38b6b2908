# Callbacks run in a context: call_soon/call_later/call_at and add_done_callback take a copy of
# the context current when they are scheduled, or the context passed with context=; what a
# callback sets stays in its context.
import asyncio
import contextvars

from conf import now

v = contextvars.ContextVar("v", default="-")


async def main():
    loop = asyncio.get_running_loop()
    given = contextvars.copy_context()
    given.run(v.set, "given")
    v.set("main-1")

    def show(label):
        print(now(), label, v.get())
        v.set("set by " + label)

    loop.call_soon(show, "soon")
    loop.call_soon(show, "soon in given", context=given)
    loop.call_later(0.01, show, "later")
    loop.call_at(loop.time() + 0.005, show, "at in given", context=given)
    fut = loop.create_future()
    fut.add_done_callback(lambda f: show("done " + f.result()))
    fut.add_done_callback(lambda f: show("done in given " + f.result()), context=given)
    v.set("main-2")
    loop.call_later(0.02, fut.set_result, "x")
    await asyncio.sleep(0.03)
    print(now(), "main", v.get(), "given", given.get(v))
