# wait_for(): on timeout the inner operation is cancelled and waited for until its finally
# blocks are done (even if cleanup takes time), then TimeoutError is raised.
import asyncio

from conf import ename, now


async def download():
    try:
        print(now(), "download starts")
        await asyncio.sleep(5)
        return "data"
    finally:
        print(now(), "download cleanup starts")
        await asyncio.sleep(0.05)
        print(now(), "download cleanup done")


async def main():
    try:
        await asyncio.wait_for(download(), 0.1)
    except TimeoutError as e:
        print(now(), "wait_for raised", ename(e))

    task = asyncio.create_task(download())
    try:
        await asyncio.wait_for(task, 0.2)
    except TimeoutError as e:
        print(now(), "wait_for(task) raised", ename(e), "task cancelled:", task.cancelled())
