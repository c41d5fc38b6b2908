# read(n) with any negative n reads to EOF (asyncio's `if n < 0`), not only n = -1.
import asyncio

from io_helpers import text


async def main():
    async def handle(reader, writer):
        writer.write(b"abc")
        await writer.drain()
        writer.write(b"def")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    for n in (-1, -2, -100):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        print(n, "read:", text(await reader.read(n)), "at eof:", reader.at_eof())
        writer.close()
    server.close()
    await server.wait_closed()
