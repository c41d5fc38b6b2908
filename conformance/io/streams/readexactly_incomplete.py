# readexactly() at EOF raises IncompleteReadError with the partial bytes and the expected count.
import asyncio

from conf import ename
from io_helpers import text


async def main():
    async def handle(reader, writer):
        writer.write(b"abc")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        await reader.readexactly(5)
    except asyncio.IncompleteReadError as e:
        print(ename(e), text(e.partial), e.expected)
    print("at eof:", reader.at_eof())
    print("read:", text(await reader.read()), text(await reader.read(10)))
    writer.close()
    server.close()
    await server.wait_closed()
