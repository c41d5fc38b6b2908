# communicate() reads 20 MB from stdout and 1 MB from stderr at the same time: no pipe fills up,
# nothing deadlocks, every byte arrives.
import asyncio
from asyncio.subprocess import PIPE

SCRIPT = "head -c 20971520 /dev/zero; head -c 1048576 /dev/zero >&2; exit 5"


async def main():
    proc = await asyncio.create_subprocess_exec("sh", "-c", SCRIPT, stdout=PIPE, stderr=PIPE)
    out, err = await proc.communicate()
    print("stdout bytes", len(out))
    print("stderr bytes", len(err))
    print("all zero", out.count(0) == len(out))
    print("returncode", proc.returncode)
