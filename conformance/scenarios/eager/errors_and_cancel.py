# Eager tasks and errors: an exception in the eager step ends the task (create_task itself does
# not raise); a task that cancels itself before suspending ends cancelled; an eager task created
# inside another task's eager step runs nested, before its creator resumes; a suspended eager
# task is cancelled at its await like any other.
import asyncio

from conf import ename, now


async def boom():
    print("boom runs")
    raise TypeError("bad")


async def self_cancel():
    asyncio.current_task().cancel()
    print("self_cancel keeps going until it awaits")
    await asyncio.sleep(0)
    print("never printed")


async def inner():
    print("inner start, current", asyncio.current_task().get_name())
    await asyncio.sleep(0.1)
    print(now(), "inner end")


async def outer():
    print("outer start")
    # (3.13.0 names a factory-made task only after its eager step, so name it in the constructor)
    child = asyncio.Task(inner(), loop=asyncio.get_running_loop(), name="inner", eager_start=True)
    print("outer after creating inner, current", asyncio.current_task().get_name())
    await child
    print(now(), "outer end")


async def sleeper():
    try:
        print("sleeper waits")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(now(), "sleeper cancelled")
        raise


async def main():
    asyncio.current_task().set_name("main")
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    b = asyncio.create_task(boom(), name="boom")
    print("boom done", b.done(), "exception", ename(b.exception()))
    c = asyncio.create_task(self_cancel(), name="self_cancel")
    print("self_cancel done", c.done())
    await asyncio.sleep(0)
    print("self_cancel cancelled", c.cancelled())
    o = asyncio.Task(outer(), loop=asyncio.get_running_loop(), name="outer", eager_start=True)
    print("outer created")
    s = asyncio.create_task(sleeper(), name="sleeper")
    await asyncio.sleep(0.05)
    s.cancel()
    await asyncio.sleep(0)
    print(now(), "sleeper cancelled()", s.cancelled())
    await o
    print(now(), "main end")
