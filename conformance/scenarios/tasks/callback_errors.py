# An exception raised by a plain callback (call_soon, call_later, a done callback) goes to the
# loop's exception handler, and the loop carries on with the next callback.
import asyncio

from conf import ename, now


def boom(label):
    raise ValueError(label)


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(
        lambda loop, ctx: print(now(), "handler got", ename(ctx["exception"]), ctx["exception"])
    )
    loop.call_soon(boom, "from call_soon")
    loop.call_soon(print, "next callback still runs")
    loop.call_later(0.1, boom, "from call_later")
    fut = loop.create_future()
    fut.add_done_callback(lambda f: boom("from a done callback"))
    fut.add_done_callback(lambda f: print(now(), "second done callback runs"))
    loop.call_later(0.2, fut.set_result, None)
    await fut
    await asyncio.sleep(0)
    print(now(), "main carries on")
