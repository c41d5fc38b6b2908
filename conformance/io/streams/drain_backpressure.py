# drain() waits while the peer does not read and returns once it does; every byte arrives.
import asyncio

CHUNK = b"x" * 65536


async def main():
    start_reading = asyncio.Event()
    received = asyncio.get_running_loop().create_future()

    async def handle(reader, writer):
        await start_reading.wait()
        print("server reads")
        data = await reader.read()
        received.set_result(len(data))
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, limit=1024)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    written = 0
    while not writer.transport._protocol._paused:
        writer.write(CHUNK)
        written += len(CHUNK)
        await asyncio.sleep(0.001)
    print("client buffer full")
    drain = asyncio.create_task(writer.drain())
    await asyncio.sleep(0.02)
    print("drain done while the peer does not read:", drain.done())
    start_reading.set()
    await drain
    print("drained")
    writer.write_eof()
    print("server received everything:", await received == written)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
