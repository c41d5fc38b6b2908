// Process on real child processes (`node -e ...`): communicate, wait, return codes, signals,
// cancellation, the virtual clock, and what is left when the loop closes.
import {
  CancelledError,
  type Coroutine,
  DeadlockError,
  getRunningLoop,
  isCancelledError,
} from "@corio/interfaces";
import { createTask, run, sleep, type Task } from "@corio/task";
import { describe, expect, it } from "vitest";
import {
  createSubprocessExec,
  createSubprocessShell,
  DEVNULL,
  PIPE,
  type Process,
  ProcessLookupError,
  STDOUT,
} from "../src/index.js";

const NODE = process.execPath;

function node(code: string, options: Parameters<typeof createSubprocessExec>[2] = {}) {
  return createSubprocessExec(NODE, ["-e", code], options);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls (real time, a few ms at a time) until `pid` is gone; asserts it goes within 5 s. */
async function gone(pid: number): Promise<void> {
  for (let i = 0; i < 500 && alive(pid); i++) await new Promise((r) => setTimeout(r, 10));
  expect(alive(pid)).toBe(false);
}

describe("communicate()", () => {
  it("returns stdout and stderr as Buffers and the child's return code", () =>
    run(function* () {
      const proc = yield* node(
        "process.stdout.write('out'); process.stderr.write('err'); process.exitCode = 3",
        {
          stdout: PIPE,
          stderr: PIPE,
        },
      );
      const [out, err] = yield* proc.communicate();
      expect(Buffer.isBuffer(out)).toBe(true);
      expect([out!.toString(), err!.toString(), proc.returncode]).toEqual(["out", "err", 3]);
    }));

  it(
    "moves 20 MB each way (stdin, stdout and stderr at once) without a deadlock",
    () =>
      run(function* () {
        const size = 20 * 1024 * 1024;
        const input = Buffer.alloc(size, "a");
        const proc = yield* node(
          `const chunks = [];
         process.stdin.on("data", (c) => chunks.push(c));
         process.stdin.on("end", () => {
           const all = Buffer.concat(chunks);
           process.stderr.write(Buffer.alloc(${size}, "e"));
           process.stdout.write(all.toString().toUpperCase());
         });`,
          { stdin: PIPE, stdout: PIPE, stderr: PIPE },
        );
        const [out, err] = yield* proc.communicate(input);
        expect(out!.length).toBe(size);
        expect(err!.length).toBe(size);
        expect(out!.subarray(0, 3).toString() + out!.subarray(size - 3).toString()).toBe("AAAAAA");
        expect(proc.returncode).toBe(0);
      }),
    60_000,
  );

  it("gives null for streams that are not pipes", () =>
    run(function* () {
      const proc = yield* node("console.log('to /dev/null')", { stdout: DEVNULL });
      expect([proc.stdin, proc.stdout, proc.stderr]).toEqual([null, null, null]);
      expect(yield* proc.communicate()).toEqual([null, null]);
      expect(proc.returncode).toBe(0);
    }));

  it("ignores a child that exits without reading its stdin (EPIPE), as asyncio does", () =>
    run(function* () {
      const proc = yield* node("process.exit(0)", { stdin: PIPE, stdout: PIPE });
      const [out] = yield* proc.communicate(Buffer.alloc(4 * 1024 * 1024));
      expect([out!.length, proc.returncode]).toEqual([0, 0]);
    }));

  it("rejects input that is neither bytes nor a string with a TypeError naming it", () =>
    run(function* () {
      const proc = yield* node("", { stdin: PIPE });
      expect(() => proc.communicate(42 as never).next()).toThrow(
        /communicate\(input\): input must be a Uint8Array \(a Buffer\), a string or null, got number 42/,
      );
      yield* proc.communicate();
    }));

  it("a cancelled communicate() raises CancelledError there and leaves the child running", () =>
    run(function* () {
      const proc = yield* node("setInterval(() => {}, 1000)", { stdout: PIPE });
      const waiter = createTask(proc.communicate());
      yield* sleep(20);
      waiter.cancel();
      const error = yield* catchError(waiter);
      expect(isCancelledError(error)).toBe(true);
      expect([proc.returncode, alive(proc.pid)]).toEqual([null, true]);
      proc.kill();
      expect(yield* proc.wait()).toBe(-9);
    }));
});

function* catchError(task: Task<unknown>): Coroutine<unknown> {
  try {
    yield* task;
  } catch (error) {
    return error;
  }
  throw new Error("expected the task to fail");
}

describe("wait() and return codes", () => {
  it("wait() returns the exit code, and returns at once once the child has exited", () =>
    run(function* () {
      const proc = yield* node("process.exit(7)");
      expect(proc.returncode).toBe(null);
      expect(yield* proc.wait()).toBe(7);
      const t0 = getRunningLoop().time();
      expect(yield* proc.wait()).toBe(7);
      expect(getRunningLoop().time() - t0).toBeLessThan(5);
    }));

  it("a child killed by a signal has minus the signal number: -9 for kill(), -15 for terminate()", () =>
    run(function* () {
      const codes: number[] = [];
      for (const how of ["kill", "terminate", "SIGINT"] as const) {
        const proc = yield* node("setInterval(() => {}, 1000)");
        if (how === "SIGINT") proc.sendSignal("SIGINT");
        else proc[how]();
        codes.push(yield* proc.wait());
      }
      expect(codes).toEqual([-9, -15, -2]);
    }));

  it("sendSignal() after wait() has returned throws ProcessLookupError", () =>
    run(function* () {
      const proc = yield* node("");
      yield* proc.wait();
      expect(() => proc.kill()).toThrow(ProcessLookupError);
      expect(() => proc.sendSignal("SIGTERM")).toThrow(/process \d+ has exited/);
    }));

  it("a cancelled wait() raises CancelledError there and does not kill the child", () =>
    run(function* () {
      const proc = yield* node("setInterval(() => {}, 1000)");
      const waiter = createTask(proc.wait());
      yield* sleep(20);
      waiter.cancel();
      expect(yield* catchError(waiter)).toBeInstanceOf(CancelledError);
      yield* sleep(20);
      expect([proc.returncode, alive(proc.pid)]).toEqual([null, true]);
      proc.terminate();
      expect(yield* proc.wait()).toBe(-15);
    }));

  it("under the virtual clock, time stands still while a real child runs, with no false deadlock", async () => {
    const times = await run(
      function* () {
        const loop = getRunningLoop();
        const proc = yield* node("setTimeout(() => {}, 100)", { stdout: PIPE });
        const before = loop.time();
        yield* proc.wait();
        return [before, loop.time()];
      },
      { clock: "virtual" },
    );
    expect(times).toEqual([0, 0]);
  });

  it("a deadlock elsewhere is still reported when no child is being waited for", async () => {
    let pid = 0;
    await expect(
      run(
        function* () {
          const proc = yield* node("setInterval(() => {}, 1000)");
          pid = proc.pid;
          yield* getRunningLoop().createFuture<void>("never");
        },
        { clock: "virtual", setup: (loop) => loop.setExceptionHandler(() => {}) },
      ),
    ).rejects.toThrow(DeadlockError);
    await gone(pid);
  });
});

describe("pipes", () => {
  it("stdin and stdout round-trip line by line", () =>
    run(function* () {
      const proc = yield* node(
        `require("readline").createInterface({ input: process.stdin }).on("line", (l) => console.log("echo " + l));`,
        { stdin: PIPE, stdout: PIPE },
      );
      const got: string[] = [];
      for (const word of ["one", "two"]) {
        proc.stdin!.write(`${word}\n`);
        yield* proc.stdin!.drain();
        got.push((yield* proc.stdout!.readline()).toString());
      }
      proc.stdin!.close();
      got.push((yield* proc.stdout!.readline()).toString());
      expect(got).toEqual(["echo one\n", "echo two\n", ""]);
      expect(proc.stdout!.atEof()).toBe(true);
      expect(yield* proc.wait()).toBe(0);
    }));

  it("stderr: STDOUT merges both streams into one pipe, in the order the child wrote", () =>
    run(function* () {
      const proc = yield* node(
        `const fs = require("fs"); for (let i = 0; i < 5; i++) { fs.writeSync(1, "out" + i + "\\n"); fs.writeSync(2, "err" + i + "\\n"); }`,
        { stdout: PIPE, stderr: STDOUT },
      );
      expect(proc.stderr).toBe(null);
      const [out, err] = yield* proc.communicate();
      expect(err).toBe(null);
      expect(out!.toString().trim().split("\n")).toEqual(
        ["0", "1", "2", "3", "4"].flatMap((i) => [`out${i}`, `err${i}`]),
      );
    }));

  it("createSubprocessShell runs a command line through /bin/sh", () =>
    run(function* () {
      const proc = yield* createSubprocessShell("echo hello; echo oops >&2; exit 4", {
        stdout: PIPE,
        stderr: STDOUT,
      });
      const [out] = yield* proc.communicate();
      expect([out!.toString(), proc.returncode]).toEqual(["hello\noops\n", 4]);
    }));
});

describe("spawn errors and bad arguments", () => {
  it("a missing program rejects with Node's ENOENT error (asyncio's FileNotFoundError)", async () => {
    for (const stderr of [PIPE, STDOUT] as const) {
      await expect(
        run(function* () {
          yield* createSubprocessExec("no-such-program-corio", [], { stdout: PIPE, stderr });
        }),
      ).rejects.toMatchObject({ code: "ENOENT" });
    }
  });

  it("rejects bad arguments at the call with errors that name them", () => {
    const exec = createSubprocessExec as (...args: unknown[]) => unknown;
    expect(() => exec(42)).toThrow(
      new TypeError(
        "createSubprocessExec(program, args, options): program must be a non-empty string, got number 42",
      ),
    );
    expect(() => exec("ls", "-l")).toThrow(/args must be an array of strings, got string "-l"/);
    expect(() => exec("ls", ["-l", 3])).toThrow(
      /args must be an array of strings, args\[1\] is number 3/,
    );
    expect(() => exec("ls", [], { stdout: "pipes" })).toThrow(
      /options.stdout must be PIPE, DEVNULL, "inherit", null or a file descriptor, got string "pipes"/,
    );
    expect(() => exec("ls", [], { stdin: STDOUT })).toThrow(TypeError);
    expect(() => exec("ls", [], { limit: 0 })).toThrow(
      new RangeError(
        "createSubprocessExec(program, args, options): options.limit must be a positive integer, got number 0",
      ),
    );
    expect(() => (createSubprocessShell as (c: unknown) => unknown)("")).toThrow(
      /createSubprocessShell\(cmd, options\): cmd must be a non-empty string, got string ""/,
    );
  });
});

describe("when the loop closes", () => {
  it("a child still running is killed and reported through the exception handler", async () => {
    const reports: string[] = [];
    let proc: Process | undefined;
    await run(
      function* () {
        proc = yield* node("setInterval(() => {}, 1000)", { stdin: PIPE, stdout: PIPE });
      },
      { setup: (loop) => loop.setExceptionHandler((_l, ctx) => reports.push(ctx.message)) },
    );
    expect(reports).toEqual([
      `the loop closed while ${NODE} (pid ${proc!.pid}) was still running: killed it with SIGKILL`,
    ]);
    expect(proc!.stdin!.transport.destroyed).toBe(true);
    await gone(proc!.pid);
  });

  it("a child that exited leaves nothing to report", async () => {
    const reports: string[] = [];
    await run(
      function* () {
        const proc = yield* node("", { stdout: PIPE });
        yield* proc.wait();
      },
      { setup: (loop) => loop.setExceptionHandler((_l, ctx) => reports.push(ctx.message)) },
    );
    expect(reports).toEqual([]);
  });
});
