# Iterating over a reader yields each line, the last one without its newline, and stops at EOF.
import asyncio

from io_helpers import text


async def main():
    async def handle(reader, writer):
        writer.write(b"alpha\nbeta\ngamma")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    count = 0
    async for line in reader:
        print(text(line))
        count += 1
    print("lines:", count)
    writer.close()
    server.close()
    await server.wait_closed()
