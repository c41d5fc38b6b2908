# Cancelling a task inside wait() raises CancelledError there and does not stop the child: it is
# still running afterwards, until killed.
import asyncio


async def main():
    proc = await asyncio.create_subprocess_exec("sleep", "30")
    waiter = asyncio.create_task(proc.wait())
    await asyncio.sleep(0.05)
    waiter.cancel()
    try:
        await waiter
    except asyncio.CancelledError as e:
        print("waiter:", type(e).__name__)
    await asyncio.sleep(0.05)
    print("returncode after cancel", proc.returncode)
    proc.kill()
    print("wait after kill", await proc.wait())
