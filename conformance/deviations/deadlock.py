# Deviation: awaiting a future nobody will ever complete hangs asyncio forever (the harness's
# virtual loop raises Deadlock where real asyncio would block in select()); corio's run() rejects
# with DeadlockError listing the tasks and what they wait on.
import asyncio


async def main():
    print("waiting for a future nobody completes")
    await asyncio.get_running_loop().create_future()
