# readline() past the limit drops the long line (its end is buffered) and the next line reads fine.
import asyncio

from io_helpers import text, until_buffered


async def main():
    async def handle(reader, writer):
        writer.write(b"0123456789\nok\n")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=4)
    await until_buffered(reader, 14)
    try:
        await reader.readline()
    except ValueError:
        print("line too long")
    print(text(await reader.readline()))
    print(text(await reader.readline()))
    writer.close()
    server.close()
    await server.wait_closed()
