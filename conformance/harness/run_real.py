"""Runs Python scenarios on asyncio's own loop with the real clock: the scenarios that talk to the
real world, which the virtual loop of conf.py cannot wait for (child processes in
scenarios/subprocess/, sockets in io/<area>/). The runner itself is run.py's.

    python harness/run_real.py scenarios/subprocess/wait_returncode.py   # prints the trace
    python harness/run_real.py --json a.py b.py ...                        # {"a.py": "trace", ...}

A scenario prints only what does not depend on timing (no clock readings; socket scenarios poll
the reader's buffer without printing when they need bytes to have arrived), so its trace is the
same on every run and must equal corio's.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import run  # noqa: E402

if __name__ == "__main__":
    run.main(sys.argv[1:], loop_factory=None)
