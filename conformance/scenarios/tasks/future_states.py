# A future's state machine: result()/exception() while pending raise InvalidStateError; a second
# set_result raises it too; cancel() only works while pending.
import asyncio

from conf import ename


def attempt(label, fn):
    try:
        print(label, "->", fn())
    except BaseException as e:  # noqa: BLE001
        print(label, "raised", ename(e))


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    attempt("pending result()", f.result)
    attempt("pending exception()", f.exception)
    print("done", f.done(), "cancelled", f.cancelled())
    f.set_result(1)
    attempt("result()", f.result)
    attempt("exception()", f.exception)
    attempt("second set_result", lambda: f.set_result(2))
    attempt("set_exception on done", lambda: f.set_exception(ValueError("x")))
    attempt("cancel() on done", f.cancel)

    g = loop.create_future()
    g.set_exception(ValueError("bad"))
    attempt("failed result()", g.result)
    attempt("failed exception()", lambda: ename(g.exception()))

    h = loop.create_future()
    attempt("cancel()", lambda: h.cancel("why"))
    attempt("cancel() again", h.cancel)
    print("cancelled", h.cancelled(), "done", h.done())
    attempt("cancelled result()", h.result)
    attempt("cancelled exception()", h.exception)
    attempt("set_result on cancelled", lambda: h.set_result(3))
