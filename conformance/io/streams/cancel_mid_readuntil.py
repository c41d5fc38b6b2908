# A task cancelled inside readuntil() consumes nothing: readline() afterwards gets the whole line.
import asyncio

from io_helpers import text, until_buffered


async def main():
    go_on = asyncio.Event()

    async def handle(reader, writer):
        writer.write(b"par")
        await writer.drain()
        await go_on.wait()
        writer.write(b"tial\nnext\n")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    task = asyncio.create_task(reader.readuntil(b"\n"))
    await until_buffered(reader, 3)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    print("cancelled:", task.cancelled())
    go_on.set()
    print(text(await reader.readline()))
    print(text(await reader.readline()))
    print(text(await reader.readline()))
    writer.close()
    server.close()
    await server.wait_closed()
