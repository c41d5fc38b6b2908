// The pipe StreamReader/StreamWriter (@corio/streams' classes) on real child processes: asyncio's
// read methods, their errors, what stays buffered after an error or a cancellation, and
// backpressure both ways.
import { type Coroutine, isCancelledError, RuntimeError } from "@corio/interfaces";
import { createTask, run, sleep, type Task } from "@corio/task";
import { describe, expect, it } from "vitest";
import {
  createSubprocessExec,
  IncompleteReadError,
  LimitOverrunError,
  PIPE,
  type Process,
} from "../src/index.js";

/** A child that writes what it reads on stdin to stdout, unchanged. */
function* cat(limit?: number): Coroutine<Process> {
  return yield* createSubprocessExec(
    process.execPath,
    ["-e", "process.stdin.pipe(process.stdout)"],
    {
      stdin: PIPE,
      stdout: PIPE,
      ...(limit === undefined ? {} : { limit }),
    },
  );
}

function* failure(task: Task<unknown>): Coroutine<unknown> {
  try {
    yield* task;
  } catch (error) {
    return error;
  }
  throw new Error("expected the task to fail");
}

const text = (b: Uint8Array) => Buffer.from(b).toString();

describe("StreamReader over a pipe", () => {
  it("readexactly, readuntil and read return what asyncio's do", () =>
    run(function* () {
      const proc = yield* cat();
      proc.stdin!.write("abcdef|ghi\nrest");
      proc.stdin!.close();
      const out = proc.stdout!;
      const got = [
        text(yield* out.readexactly(3)),
        text(yield* out.readuntil("|")),
        text(yield* out.readline()),
        text(yield* out.read(2)),
        text(yield* out.read()),
        text(yield* out.read()),
      ];
      expect(got).toEqual(["abc", "def|", "ghi\n", "re", "st", ""]);
      expect(out.atEof()).toBe(true);
      yield* proc.wait();
    }));

  it("readexactly and readuntil raise IncompleteReadError at the end, with partial and expected", () =>
    run(function* () {
      const proc = yield* cat();
      proc.stdin!.write("abc");
      proc.stdin!.close();
      const error = yield* failure(createTask(proc.stdout!.readexactly(5)));
      expect(error).toBeInstanceOf(IncompleteReadError);
      const e = error as IncompleteReadError;
      expect([text(e.partial), e.expected, e.message]).toEqual([
        "abc",
        5,
        "3 bytes read on a total of 5 expected bytes",
      ]);
      const again = (yield* failure(
        createTask(proc.stdout!.readuntil("\n")),
      )) as IncompleteReadError;
      expect([text(again.partial), again.expected]).toEqual(["", null]);
      yield* proc.wait();
    }));

  it("readuntil past the limit raises LimitOverrunError and keeps the bytes buffered", () =>
    run(function* () {
      const proc = yield* cat(8);
      proc.stdin!.write("0123456789abcdef\nok\n");
      proc.stdin!.close();
      const out = proc.stdout!;
      const error = (yield* failure(createTask(out.readuntil("\n")))) as LimitOverrunError;
      expect(error).toBeInstanceOf(LimitOverrunError);
      expect(error.consumed).toBeGreaterThan(8);
      expect(text(yield* out.readexactly(17))).toBe("0123456789abcdef\n");
      expect(text(yield* out.readline())).toBe("ok\n");
      yield* proc.wait();
    }));

  it("readline past the limit raises LimitOverrunError and drops that line only", () =>
    run(function* () {
      const proc = yield* cat(8);
      proc.stdin!.write("0123456789abcdef\nok\n");
      proc.stdin!.close();
      const error = yield* failure(createTask(proc.stdout!.readline()));
      // @corio/streams' readline throws LimitOverrunError where asyncio raises ValueError with the
      // same message (docs/guide/differences.md).
      expect(error).toBeInstanceOf(LimitOverrunError);
      expect((error as Error).message).toBe("Separator is found, but chunk is longer than limit");
      expect(text(yield* proc.stdout!.readline())).toBe("ok\n");
      yield* proc.wait();
    }));

  it("a read cancelled while waiting raises CancelledError there and loses no byte", () =>
    run(function* () {
      const proc = yield* cat();
      proc.stdin!.write("abcd");
      const reader = createTask(proc.stdout!.readexactly(10));
      // The four bytes arrive; the read still waits for six more.
      for (let i = 0; i < 500 && proc.stdout!.statistics().buffered < 4; i++) yield* sleep(5);
      reader.cancel();
      expect(isCancelledError(yield* failure(reader))).toBe(true);
      expect(proc.stdout!.statistics()).toMatchObject({ buffered: 4, waiting: false });
      proc.stdin!.write("ef");
      proc.stdin!.close();
      expect(text(yield* proc.stdout!.read())).toBe("abcdef");
      yield* proc.wait();
    }));

  it("only one task may wait for data at a time", () =>
    run(function* () {
      const proc = yield* cat();
      const first = createTask(proc.stdout!.read(1));
      yield* sleep(0);
      const second = yield* failure(createTask(proc.stdout!.read(1)));
      expect(second).toBeInstanceOf(RuntimeError);
      expect((second as Error).message).toBe(
        "read() called while another task is already waiting for incoming data",
      );
      proc.stdin!.write("x");
      proc.stdin!.close();
      expect(text(yield* first)).toBe("x");
      yield* proc.wait();
    }));

  it("pauses the pipe past twice its limit, and resumes it as the reader catches up", () =>
    run(function* () {
      const proc = yield* createSubprocessExec(
        process.execPath,
        ["-e", "process.stdout.write(Buffer.alloc(1 << 20, 'z'))"],
        { stdout: PIPE, limit: 1024 },
      );
      for (let i = 0; i < 200 && !proc.stdout!.statistics().paused; i++) yield* sleep(5);
      const stats = proc.stdout!.statistics();
      expect(stats.paused).toBe(true);
      expect(stats.buffered).toBeLessThan(1 << 20);
      expect((yield* proc.stdout!.read()).length).toBe(1 << 20);
      expect(yield* proc.wait()).toBe(0);
    }));
});

describe("StreamWriter over a pipe", () => {
  it("drain() waits for the child to take what was written, then the data arrives whole", () =>
    run(function* () {
      const proc = yield* cat();
      const big = Buffer.alloc(8 << 20, "q");
      const reader = createTask(proc.stdout!.read());
      proc.stdin!.writelines([big, "end"]);
      yield* proc.stdin!.drain();
      proc.stdin!.close();
      expect(proc.stdin!.isClosing()).toBe(true);
      yield* proc.stdin!.waitClosed();
      expect((yield* reader).length).toBe((8 << 20) + 3);
      yield* proc.wait();
    }));

  it("rejects data that is not bytes or a string, and writes after close()", () =>
    run(function* () {
      const proc = yield* cat();
      expect(() => proc.stdin!.write(42 as never)).toThrow(
        new TypeError("write(data): data must be a string or a Uint8Array, got number 42"),
      );
      proc.stdin!.close();
      expect(() => proc.stdin!.write("late")).toThrow(
        new RuntimeError("Cannot call write() after close()"),
      );
      yield* proc.wait();
    }));

  it("once the child has gone, write() drops the data and drain() raises ConnectionResetError, as asyncio's do", () =>
    run(function* () {
      const proc = yield* createSubprocessExec(process.execPath, ["-e", "process.exit(0)"], {
        stdin: PIPE,
      });
      yield* proc.wait();
      const log: string[] = [];
      const error = yield* failure(
        createTask(
          (function* () {
            for (;;) {
              proc.stdin!.write(Buffer.alloc(1 << 16));
              log.push("written");
              yield* proc.stdin!.drain();
              log.push("drained");
            }
          })(),
        ),
      );
      // asyncio 3.13 raises ConnectionResetError("Connection lost") here too: a write to a lost
      // pipe is dropped, never thrown, and a drain() reports the loss. (Node destroys the pipe at
      // the child's exit and reports its 'close' a few turns later; drains in between return.)
      expect(log.at(-1)).toBe("written");
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({
        name: "ConnectionResetError",
        code: "ECONNRESET",
        message: "Connection lost",
      });
      expect(proc.stdin!.isClosing()).toBe(true);
    }));

  it("a child that exits while drain() waits fails that drain() with EPIPE or ECONNRESET (asyncio: BrokenPipeError or ConnectionResetError)", () =>
    run(function* () {
      const proc = yield* createSubprocessExec(
        process.execPath,
        ["-e", "process.stdin.once('data', () => process.exit(0))"],
        { stdin: PIPE },
      );
      const error = yield* failure(
        createTask(
          (function* () {
            for (;;) {
              proc.stdin!.write(Buffer.alloc(1 << 20));
              yield* proc.stdin!.drain();
            }
          })(),
        ),
      );
      // Which of the two depends on whether Node's write fails before it sees the child exit.
      expect(["EPIPE", "ECONNRESET"]).toContain((error as { code?: string }).code);
      expect(yield* proc.wait()).toBe(0);
    }));
});
