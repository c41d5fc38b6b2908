"""W9 on CPython asyncio streams: an echo server and C clients doing n round trips of 64 bytes."""

import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import check, now, params, report  # noqa: E402

MESSAGE = b"m" * 64


async def main(n, clients):
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

    async def client():
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        total = 0
        for _ in range(n):
            writer.write(MESSAGE)
            await writer.drain()
            total += len(await reader.readexactly(len(MESSAGE)))
        writer.close()
        await writer.wait_closed()
        return total

    t0 = now()
    totals = await asyncio.gather(*(client() for _ in range(clients)))
    ms = now() - t0
    server.close()
    await server.wait_closed()
    return ms, sum(totals)


p = params()
n = p["n"]
clients = p.get("clients", 1)
ms, echoed = asyncio.run(main(n, clients))
check(echoed == clients * n * len(MESSAGE), f"every byte came back ({echoed})")
report(ms=ms, ops=clients * n)
