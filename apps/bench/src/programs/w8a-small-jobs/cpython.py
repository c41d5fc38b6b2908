"""W8 (small jobs) on CPython asyncio.to_thread; the program lives in ../w8-threads."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "w8-threads"))
from cpython import run_w8  # noqa: E402

run_w8("small")
