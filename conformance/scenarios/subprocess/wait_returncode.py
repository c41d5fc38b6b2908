# wait() returns the exit code; returncode is None until then; waiting again returns the same code
# at once; a signal after the child is gone raises ProcessLookupError; a shell command works alike.
import asyncio


async def main():
    proc = await asyncio.create_subprocess_exec("sh", "-c", "exit 3")
    print("returncode before", proc.returncode)
    print("wait", await proc.wait())
    print("returncode after", proc.returncode)
    print("wait again", await proc.wait())
    try:
        proc.kill()
    except ProcessLookupError as e:
        print("kill after exit:", type(e).__name__)
    shell = await asyncio.create_subprocess_shell("exit 7")
    print("shell wait", await shell.wait())
