"""Python side of the conformance harness: a virtual-time asyncio loop and print helpers.

How it works: VirtualLoop is CPython's own SelectorEventLoop with two changes. Its clock starts at
0 and only moves when the loop would block in select(): then it jumps straight to the earliest
timer, so a scenario that sleeps for seconds finishes at once with the exact event order of an
ideal machine where code takes no time. Timers with equal deadlines run in scheduling order (as on
a real clock, where a timer scheduled later always gets a later deadline), and deadlines are
rounded to the microsecond so 0.1 + 0.2 and 0.3 are the same instant, as 100 + 200 and 300 are in
corio. Everything else (tasks, futures, timeouts, queues) is the stock asyncio code under test.
"""

import asyncio
import heapq
from asyncio import events

_MAX_SELECT = 24 * 3600


class Deadlock(RuntimeError):
    """Raised when nothing is ready and no timer is set: real asyncio would hang here."""


class _SeqTimer(events.TimerHandle):
    __slots__ = ("_seq",)

    def __lt__(self, other):
        return (self._when, self._seq) < (other._when, other._seq)

    def __le__(self, other):
        return (self._when, self._seq) <= (other._when, other._seq)

    def __gt__(self, other):
        return (self._when, self._seq) > (other._when, other._seq)

    def __ge__(self, other):
        return (self._when, self._seq) >= (other._when, other._seq)


class _VirtualSelector:
    def __init__(self, loop, real):
        self._loop = loop
        self._real = real

    def select(self, timeout=None):
        ready = self._real.select(0)
        if ready:
            return ready
        loop = self._loop
        if timeout is None:
            raise Deadlock("deadlock: nothing ready and no timer set")
        if timeout > 0 and loop._scheduled:
            loop._vtime = max(loop._vtime, min(loop._scheduled[0]._when, loop._vtime + _MAX_SELECT))
        return []

    def __getattr__(self, name):
        return getattr(self._real, name)


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__()
        self._vtime = 0.0
        self._seq = 0
        self._selector = _VirtualSelector(self, self._selector)

    def time(self):
        return self._vtime

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        timer = _SeqTimer(round(when, 6), callback, args, self, context)
        timer._seq = self._seq
        self._seq += 1
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer


def now():
    """Loop time in whole milliseconds, as corio's loop.time() reads under the virtual clock."""
    return round(asyncio.get_running_loop().time() * 1000)


def ename(error):
    """The error's class name: the part of an error both sides spell the same."""
    return type(error).__name__


def show(value):
    """A result as the trace prints it: an error becomes its class name."""
    if isinstance(value, BaseException):
        return ename(value)
    return value
