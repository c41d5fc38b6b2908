# stdin and stdout pipes to `cat`: each line written and drained comes back through readline();
# after stdin is closed, readline() returns b"" and the reader is at EOF.
import asyncio
from asyncio.subprocess import PIPE


async def main():
    proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    for word in ["alpha", "beta", "gamma"]:
        proc.stdin.write(f"{word}\n".encode())
        await proc.stdin.drain()
        line = await proc.stdout.readline()
        print("echoed", line.decode().strip())
    proc.stdin.close()
    print("after close", repr((await proc.stdout.readline()).decode()))
    print("at_eof", proc.stdout.at_eof())
    print("wait", await proc.wait())
