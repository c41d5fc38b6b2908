"""W10 (heavy jobs) on CPython asyncio.to_thread; the program lives in ../w10-threads."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "w10-threads"))
from cpython import run_w8  # noqa: E402

run_w8("heavy")
