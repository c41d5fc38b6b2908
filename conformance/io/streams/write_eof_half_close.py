# write_eof() half-closes: the server reads to EOF, answers, and the client reads the answer.
import asyncio

from io_helpers import text


async def main():
    async def handle(reader, writer):
        request = await reader.read()
        print("server got", len(request), "bytes, at eof:", reader.at_eof())
        writer.write(b"thanks for %d bytes\n" % len(request))
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("can write eof:", writer.can_write_eof())
    writer.write(b"y" * 100000)
    writer.write_eof()
    print(text(await reader.readline()))
    print(text(await reader.readline()), reader.at_eof())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
