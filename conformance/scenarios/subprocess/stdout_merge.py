# stderr=STDOUT sends the child's stderr into the stdout pipe, in the order it was written;
# communicate() then returns None for stderr. Input given to communicate() reaches stdin.
import asyncio
from asyncio.subprocess import PIPE, STDOUT

SCRIPT = "read x; echo out1; echo err1 >&2; echo out2 $x; echo err2 >&2"


async def main():
    proc = await asyncio.create_subprocess_exec(
        "sh", "-c", SCRIPT, stdin=PIPE, stdout=PIPE, stderr=STDOUT
    )
    print("stderr stream", proc.stderr)
    out, err = await proc.communicate(b"hi\n")
    print("lines", out.decode().split())
    print("err", err)
    print("returncode", proc.returncode)
