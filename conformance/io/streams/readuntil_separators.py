# readuntil() with several separators returns the shortest match; at EOF it raises
# IncompleteReadError whose partial is the rest and expected is None.
import asyncio

from conf import ename
from io_helpers import text


async def main():
    async def handle(reader, writer):
        writer.write(b"a|b\r\nc;;tail")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print(text(await reader.readuntil((b"\r\n", b"|"))))
    print(text(await reader.readuntil((b"\r\n", b"|"))))
    print(text(await reader.readuntil(b";;")))
    try:
        await reader.readuntil(b";;")
    except asyncio.IncompleteReadError as e:
        print(ename(e), text(e.partial), e.expected)
    writer.close()
    server.close()
    await server.wait_closed()
