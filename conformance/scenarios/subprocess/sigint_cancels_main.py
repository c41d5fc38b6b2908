# Ctrl-C (SIGINT) sent to a program inside asyncio.run: the main task is cancelled, its finally
# block runs, run raises KeyboardInterrupt and the program exits with 130.
import asyncio
import os
import signal
import sys
from asyncio.subprocess import PIPE

CHILD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "children", "sigint_child.py")


async def main():
    proc = await asyncio.create_subprocess_exec(sys.executable, CHILD, stdout=PIPE)
    print("child says", (await proc.stdout.readline()).decode().strip())
    proc.send_signal(signal.SIGINT)
    out, _ = await proc.communicate()
    for line in out.decode().splitlines():
        print("child says", line)
    print("child returncode", proc.returncode)
