# A program that does not exist: create_subprocess_exec raises FileNotFoundError (errno ENOENT);
# corio keeps Node's error, whose code is ENOENT. Reading past the end of a pipe with
# readexactly() raises IncompleteReadError with the partial bytes.
import asyncio
import errno
from asyncio.subprocess import PIPE


async def main():
    try:
        await asyncio.create_subprocess_exec("no-such-program-corio")
    except OSError as e:
        print("spawn failed:", errno.errorcode[e.errno])
    proc = await asyncio.create_subprocess_exec("printf", "abc", stdout=PIPE)
    try:
        await proc.stdout.readexactly(5)
    except asyncio.IncompleteReadError as e:
        print("incomplete:", e.partial.decode(), e.expected)
    print("wait", await proc.wait())
