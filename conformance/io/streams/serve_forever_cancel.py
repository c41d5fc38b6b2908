# Cancelling serve_forever() closes the server and the task ends cancelled; close() from elsewhere
# ends serve_forever() with CancelledError too, and serving again is an error.
import asyncio

from conf import ename


async def main():
    async def handle(reader, writer):
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    serving = asyncio.create_task(server.serve_forever())
    await asyncio.sleep(0.001)
    serving.cancel()
    await asyncio.gather(serving, return_exceptions=True)
    print("cancelled:", serving.cancelled(), "serving:", server.is_serving())

    other = await asyncio.start_server(handle, "127.0.0.1", 0)
    forever = asyncio.create_task(other.serve_forever())
    await asyncio.sleep(0.001)
    other.close()
    results = await asyncio.gather(forever, return_exceptions=True)
    print("after close():", ename(results[0]))
    try:
        await other.serve_forever()
    except RuntimeError as e:
        print("serve again:", ename(e))
