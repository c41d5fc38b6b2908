# The program sigint_cancels_main.py interrupts: asyncio.run with a main that sleeps, then
# prints from its finally block once Ctrl-C cancels it.
import asyncio
import sys


async def main():
    print("ready", flush=True)
    try:
        await asyncio.sleep(30)
    finally:
        print("main finally runs", flush=True)


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("run raised KeyboardInterrupt", flush=True)
    sys.exit(130)  # the shell's code for SIGINT; corio's run() sets it by itself
