"""W9 on CPython asyncio streams: an echo server and C clients doing n round trips of 64 bytes.

Every client first makes `warmup` untimed round trips on the same connection, as the JavaScript
programs do.
"""

import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, now, params, report  # noqa: E402

MESSAGE = b"m" * 64


async def main(n, clients, warmup):
    async def echo(reader, writer):
        while True:
            data = await reader.read(65536)
            if not data:
                break
            writer.write(data)
            await writer.drain()
        writer.close()

    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]

    async def trips(reader, writer, count):
        total = 0
        for _ in range(count):
            writer.write(MESSAGE)
            await writer.drain()
            total += len(await reader.readexactly(len(MESSAGE)))
        return total

    async def warm():
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        await trips(reader, writer, warmup)
        return reader, writer

    pairs = await asyncio.gather(*(warm() for _ in range(clients)))
    t0 = now()
    totals = await asyncio.gather(*(trips(r, w, n) for r, w in pairs))
    ms = now() - t0
    for _, writer in pairs:
        writer.close()
    for _, writer in pairs:
        await writer.wait_closed()
    server.close()
    await server.wait_closed()
    return ms, sum(totals)


p = params()
ms, echoed = asyncio.run(main(p["n"], p.get("clients", 1), p.get("warmup", 0)))
check(echoed == p["n"] * p.get("clients", 1) * len(MESSAGE), f"every byte came back ({echoed})")
report(ms=ms, ops=p["n"] * p.get("clients", 1))
