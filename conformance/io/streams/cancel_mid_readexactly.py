# A task cancelled inside readexactly() gets CancelledError there; the bytes that had arrived stay
# buffered and the next readexactly() returns them with the rest.
import asyncio

from conf import ename
from io_helpers import text, until_buffered


async def main():
    go_on = asyncio.Event()

    async def handle(reader, writer):
        writer.write(b"abc")
        await writer.drain()
        await go_on.wait()
        writer.write(b"def")
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)

    async def read6():
        try:
            return await reader.readexactly(6)
        except asyncio.CancelledError as e:
            print("reader task got", ename(e))
            raise

    task = asyncio.create_task(read6())
    await until_buffered(reader, 3)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled:", task.cancelled())
    go_on.set()
    print("next read:", text(await reader.readexactly(6)))
    writer.close()
    server.close()
    await server.wait_closed()
