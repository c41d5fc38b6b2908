# readuntil() past the limit raises LimitOverrunError and leaves the data buffered for the next read.
import asyncio

from conf import ename
from io_helpers import text, until_buffered


async def main():
    async def handle(reader, writer):
        writer.write(b"0123456789\nrest\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=4)
    await until_buffered(reader, 16)
    try:
        await reader.readuntil(b"\n")
    except asyncio.LimitOverrunError as e:
        print(ename(e), e.consumed)
    print("still buffered:", text(await reader.readexactly(11)))
    print("next line:", text(await reader.readline()))
    print("at eof:", text(await reader.read()), reader.at_eof())
    writer.close()
    server.close()
    await server.wait_closed()
