"""Runs Python scenarios on the virtual loop (run_real.py runs them on asyncio's own loop).

    python harness/run.py scenarios/tasks/creation_order.py   # prints the trace
    python harness/run.py --json a.py b.py ...                  # {"a.py": "trace", ...}
"""

import asyncio
import contextlib
import importlib.util
import io
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from conf import VirtualLoop, ename  # noqa: E402


def run_scenario(path, loop_factory):
    spec = importlib.util.spec_from_file_location("scenario", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if hasattr(module, "scenario"):
        # A scenario that manages its own loops (asyncio.Runner): a plain function.
        module.scenario()
        return
    try:
        result = asyncio.run(module.main(), loop_factory=loop_factory)
        if result is not None:
            print("main returned", result)
    except BaseException as error:  # noqa: BLE001 - the trace records whatever escapes main
        print("main raised", ename(error))


def main(argv, loop_factory=VirtualLoop):
    """Prints each scenario's trace, or with --json one object of them; None: asyncio's own loop."""
    as_json = argv[:1] == ["--json"]
    paths = argv[1:] if as_json else argv
    if not as_json:
        for path in paths:
            run_scenario(path, loop_factory)
        return
    out = {}
    for path in paths:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            run_scenario(path, loop_factory)
        out[path] = buf.getvalue()
    sys.stdout.write(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
