"""Runs Python scenarios on asyncio's own loop with the real clock: the scenarios that talk to the
real world, which the virtual loop of conf.py cannot wait for (child processes in
scenarios/subprocess/, sockets in io/<area>/).

    python harness/run_real.py scenarios/subprocess/wait_returncode.py   # prints the trace
    python harness/run_real.py --json a.py b.py ...                        # {"a.py": "trace", ...}

A scenario prints only what does not depend on timing (no clock readings; socket scenarios poll
the reader's buffer without printing when they need bytes to have arrived), so its trace is the
same on every run and must equal corio's.
"""

import asyncio
import contextlib
import importlib.util
import io
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from conf import ename  # noqa: E402


def run_scenario(path):
    spec = importlib.util.spec_from_file_location("scenario", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if hasattr(module, "scenario"):
        # A scenario that manages its own loops (asyncio.Runner): a plain function.
        module.scenario()
        return
    try:
        result = asyncio.run(module.main())
        if result is not None:
            print("main returned", result)
    except BaseException as error:  # noqa: BLE001 - the trace records whatever escapes main
        print("main raised", ename(error))


def main(argv):
    as_json = argv[:1] == ["--json"]
    paths = argv[1:] if as_json else argv
    if not as_json:
        for path in paths:
            run_scenario(path)
        return
    out = {}
    for path in paths:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            run_scenario(path)
        out[path] = buf.getvalue()
    sys.stdout.write(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
