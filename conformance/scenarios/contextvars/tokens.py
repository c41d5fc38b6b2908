# ContextVar.get without a value, and reset() with a token used twice, from another variable or
# made in another context (asyncio's ValueError is corio's RangeError: both print "rejected").
import asyncio
import contextvars

from conf import ename

v = contextvars.ContextVar("v")
w = contextvars.ContextVar("w", default="w-default")


def attempt(label, fn):
    try:
        fn()
        print(label, "ok")
    except (RuntimeError, LookupError) as e:
        print(label, ename(e))
    except ValueError:
        print(label, "rejected")


async def setter():
    return v.set("from a task")


async def main():
    attempt("get unset", v.get)
    print("get with default", v.get("given"), w.get())
    t1 = v.set(1)
    print("old value missing", t1.old_value is contextvars.Token.MISSING, t1.var is v)
    t2 = v.set(2)
    print("old value", t2.old_value)
    attempt("reset by other var", lambda: w.reset(t2))
    attempt("reset in a copy", lambda: contextvars.copy_context().run(v.reset, t2))
    task_token = await asyncio.create_task(setter())
    attempt("reset a task's token", lambda: v.reset(task_token))
    print("value", v.get())
    attempt("reset t2", lambda: v.reset(t2))
    print("value", v.get())
    attempt("reset t2 again", lambda: v.reset(t2))
    attempt("reset t1", lambda: v.reset(t1))
    attempt("get after reset", v.get)
    ctx = contextvars.copy_context()
    attempt("run nested", lambda: ctx.run(lambda: ctx.run(lambda: None)))
