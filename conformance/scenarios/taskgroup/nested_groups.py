# Nested task groups: a failure in the inner group cancels its siblings, the inner group's
# ExceptionGroup fails the outer block, the outer group cancels its own children, and the
# outer ExceptionGroup holds the inner one, nested.
import asyncio

from conf import ename, now


async def child(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(now(), name, "cancelled")
        raise
    if fail:
        raise ValueError(name)
    print(now(), name, "done")


def shape(eg):
    return [shape(e) if isinstance(e, BaseExceptionGroup) else f"{ename(e)}({e})"
            for e in eg.exceptions]


async def main():
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(child("outer-child", 1))
            async with asyncio.TaskGroup() as inner:
                inner.create_task(child("inner-ok", 0.05))
                inner.create_task(child("inner-fail", 0.1, fail=True))
                inner.create_task(child("inner-slow", 1))
            print("not reached")
    except ExceptionGroup as eg:
        print(now(), "outer caught", shape(eg))
        match, rest = eg.split(ValueError)
        print("split(ValueError):", shape(match), rest)
