# Server.close() stops listening at once (new clients are refused) but leaves connected clients
# alone; wait_closed() returns only after the last one is gone.
import asyncio

from io_helpers import text


async def main():
    async def handle(reader, writer):
        async for line in reader:
            writer.write(line)
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("serving:", server.is_serving())
    server.close()
    print("serving:", server.is_serving(), "sockets:", len(server.sockets))

    async def waiter():
        await server.wait_closed()
        print("server closed")

    closed = asyncio.create_task(waiter())
    writer.write(b"still here\n")
    print(text(await reader.readline()))
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print("new client:", type(e).__name__)
    await asyncio.sleep(0.01)
    print("closed before the client left:", closed.done())
    writer.close()
    await closed
    print("done")
