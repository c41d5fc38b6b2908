"""Runs the real-I/O scenarios (io/<area>/*.py) on asyncio's default loop and real clock.

    python harness/run_io.py io/streams/readexactly_incomplete.py   # prints the trace
    python harness/run_io.py --json a.py b.py ...                     # {"a.py": "trace", ...}

Unlike harness/run.py there is no virtual clock here: sockets need a loop that really waits in
select(). The scenarios print only what does not depend on timing (they poll the reader's buffer
without printing when they need bytes to have arrived).
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
