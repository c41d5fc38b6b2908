# A child ended by a signal has minus the signal number as its return code: -9 after kill(),
# -15 after terminate(), -2 after send_signal(SIGINT); None while it runs.
import asyncio
import signal


async def main():
    for how in ["kill", "terminate", "sigint"]:
        proc = await asyncio.create_subprocess_exec("sleep", "30")
        print(how, "before", proc.returncode)
        if how == "kill":
            proc.kill()
        elif how == "terminate":
            proc.terminate()
        else:
            proc.send_signal(signal.SIGINT)
        print(how, "wait", await proc.wait())
        print(how, "after", proc.returncode)
