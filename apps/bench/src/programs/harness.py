"""What every Python benchmark program shares: parameters, a clock, a self-check, one JSON line."""

import json
import sys
import time


def params():
    return json.loads(sys.argv[1])


def now():
    """Milliseconds from a monotonic clock."""
    return time.perf_counter() * 1000.0


def check(ok, what):
    if not ok:
        raise SystemExit(f"self-check failed: {what}")


def report(**result):
    print(json.dumps({"ok": True, **result}), flush=True)


def prng(seed):
    """Same mulberry32 sequence as the JavaScript programs, so every runtime sees the same delays."""
    state = [seed & 0xFFFFFFFF]

    def imul(a, b):
        return (a * b) & 0xFFFFFFFF

    def nxt():
        state[0] = (state[0] + 0x6D2B79F5) & 0xFFFFFFFF
        t = state[0]
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    return nxt

