// StreamReader on its own, fed by hand under the virtual clock: every read method's value path,
// its EOF and limit errors, what stays buffered after an error or a cancellation, and flow control.
import { CancelledError, getRunningLoop, RuntimeError } from "@corio/interfaces";
import { createTask, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { expectRaises } from "@corio/testkit";
import { describe, expect, it } from "vitest";
import { IncompleteReadError, LimitOverrunError, StreamReader } from "../src/index.js";

const b = (s: string) => Buffer.from(s);
const str = (x: Buffer) => x.toString();

function fed(text: string, options: { limit?: number; eof?: boolean } = {}): StreamReader {
  const reader = new StreamReader({ limit: options.limit });
  if (text !== "") reader.feedData(b(text));
  if (options.eof ?? true) reader.feedEof();
  return reader;
}

describe("StreamReader reads", () => {
  it("readline() returns each line with its newline, then the unterminated rest, then empty", () =>
    runVirtual(function* () {
      const reader = fed("one\ntwo\nthree");
      const lines: string[] = [];
      for (let i = 0; i < 4; i++) lines.push(str(yield* reader.readline()));
      expect(lines).toEqual(["one\n", "two\n", "three", ""]);
      expect(reader.atEof()).toBe(true);
    }));

  it("read(n) returns what is buffered, up to n, as soon as one byte is there", () =>
    runVirtual(function* () {
      const reader = new StreamReader();
      const task = createTask(reader.read(10));
      yield* sleep(0);
      reader.feedData(b("abc"));
      expect(str(yield* task)).toBe("abc");
      reader.feedData(b("defgh"));
      expect(str(yield* reader.read(2))).toBe("de");
      expect(str(yield* reader.read(0))).toBe("");
      reader.feedEof();
      expect(str(yield* reader.read())).toBe("fgh");
      expect(str(yield* reader.read(5))).toBe("");
    }));

  it("read() waits for EOF and returns everything, even past the limit", () =>
    runVirtual(function* () {
      const reader = new StreamReader({ limit: 4 });
      const task = createTask(reader.read());
      for (const part of ["0123", "4567", "89"]) {
        yield* sleep(10);
        reader.feedData(b(part));
      }
      reader.feedEof();
      expect(str(yield* task)).toBe("0123456789");
    }));

  it("read(n) with any negative n reads to EOF, as asyncio's read does for n < 0", () =>
    runVirtual(function* () {
      const log: string[] = [];
      for (const n of [-1, -2, -100]) {
        const reader = new StreamReader();
        const task = createTask(reader.read(n));
        yield* sleep(0);
        reader.feedData(b("ab"));
        yield* sleep(0);
        log.push(`${n}: ${task.done() ? "done" : "waiting"}`);
        reader.feedData(b("c"));
        reader.feedEof();
        log.push(`${n}: ${str(yield* task)}`);
      }
      expect(log).toEqual([
        "-1: waiting",
        "-1: abc",
        "-2: waiting",
        "-2: abc",
        "-100: waiting",
        "-100: abc",
      ]);
    }));

  it("readexactly(n) waits for n bytes; at EOF throws IncompleteReadError with partial and expected", () =>
    runVirtual(function* () {
      const reader = new StreamReader();
      const task = createTask(reader.readexactly(5));
      yield* sleep(0);
      reader.feedData(b("ab"));
      yield* sleep(0);
      expect(task.done()).toBe(false);
      reader.feedData(b("cdefg"));
      expect(str(yield* task)).toBe("abcde");
      reader.feedEof();
      const error = yield* expectRaises(reader.readexactly(5), IncompleteReadError);
      expect(str(error.partial)).toBe("fg");
      expect(error.expected).toBe(5);
      expect(reader.atEof()).toBe(true);
    }));

  it("readuntil() accepts strings, bytes, and a list where the shortest match wins", () =>
    runVirtual(function* () {
      const reader = fed("a;;b\r\nc|d\r\n");
      expect(str(yield* reader.readuntil(";;"))).toBe("a;;");
      expect(str(yield* reader.readuntil(b("\r\n")))).toBe("b\r\n");
      expect(str(yield* reader.readuntil(["\r\n", "|"]))).toBe("c|");
      expect(str(yield* reader.readuntil(["\r\n", "|"]))).toBe("d\r\n");
    }));

  it("readuntil() at EOF without the separator throws IncompleteReadError and empties the buffer", () =>
    runVirtual(function* () {
      const reader = fed("no end");
      const error = yield* expectRaises(reader.readuntil("\n"), IncompleteReadError);
      expect(str(error.partial)).toBe("no end");
      expect(error.expected).toBeNull();
      expect(reader.atEof()).toBe(true);
    }));
});

describe("StreamReader limits", () => {
  it("readuntil() past the limit throws LimitOverrunError and keeps the data buffered", () =>
    runVirtual(function* () {
      const reader = fed("0123456789\nrest\n", { limit: 4 });
      const error = yield* expectRaises(reader.readuntil("\n"), LimitOverrunError);
      expect(error.consumed).toBe(10);
      expect(error.message).toBe("Separator is found, but chunk is longer than limit");
      expect(str(yield* reader.readexactly(11))).toBe("0123456789\n");
      expect(str(yield* reader.readline())).toBe("rest\n");
    }));

  it("readuntil() with no separator in sight stops at the limit without consuming", () =>
    runVirtual(function* () {
      const reader = fed("0123456789", { limit: 4, eof: false });
      const error = yield* expectRaises(reader.readuntil("\n"), LimitOverrunError);
      expect(error.message).toBe("Separator is not found, and chunk exceed the limit");
      expect(error.consumed).toBe(10);
      expect(reader.statistics().buffered).toBe(10);
    }));

  it("readline() past the limit drops the long line when its end is buffered, as asyncio", () =>
    runVirtual(function* () {
      const reader = fed("0123456789\nok\n", { limit: 4 });
      yield* expectRaises(reader.readline(), LimitOverrunError);
      expect(str(yield* reader.readline())).toBe("ok\n");
    }));

  it("readline() past the limit with no newline buffered clears the buffer", () =>
    runVirtual(function* () {
      const reader = fed("0123456789", { limit: 4, eof: false });
      yield* expectRaises(reader.readline(), LimitOverrunError);
      expect(reader.statistics().buffered).toBe(0);
    }));

  it("pauses its transport past twice the limit and resumes once reads bring it under the limit", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const reader = new StreamReader({ limit: 4 });
      reader._setTransport({
        pauseReading: () => log.push("pause"),
        resumeReading: () => log.push("resume"),
      });
      reader.feedData(b("0123"));
      reader.feedData(b("4567"));
      log.push(`buffered ${reader.statistics().buffered}`);
      reader.feedData(b("8"));
      log.push(`paused ${reader.statistics().paused}`);
      yield* reader.read(2); // 7 left: still above the limit
      log.push("read 2");
      yield* reader.read(3); // 4 left
      log.push("read 3");
      expect(log).toEqual(["buffered 8", "pause", "paused true", "read 2", "resume", "read 3"]);
    }));

  it("a read that must wait resumes a paused transport (readexactly(n) with n above 2 x limit)", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const reader = new StreamReader({ limit: 2 });
      reader._setTransport({
        pauseReading: () => log.push("pause"),
        resumeReading: () => log.push("resume"),
      });
      reader.feedData(b("abcde"));
      const task = createTask(reader.readexactly(8));
      yield* sleep(0);
      log.push("waiting");
      reader.feedData(b("fgh"));
      expect(str(yield* task)).toBe("abcdefgh");
      // 8 bytes are over 2 x limit again until readexactly takes them.
      expect(log).toEqual(["pause", "resume", "waiting", "pause", "resume"]);
    }));
});

describe("StreamReader and the virtual clock", () => {
  const external = () =>
    (getRunningLoop() as unknown as { statistics(): { external: number } }).statistics().external;

  it("holds the clock (trackExternal) exactly while a read on a transport waits", () =>
    runVirtual(function* () {
      const reader = new StreamReader();
      reader._setTransport({ pauseReading() {}, resumeReading() {} });
      const log: number[] = [external()];
      const first = createTask(reader.readexactly(2));
      yield* sleep(0);
      log.push(external());
      reader.feedData(b("ab"));
      const feeder = createTask(
        (function* () {
          // Virtual time cannot pass while a read on a transport waits: take turns instead.
          yield* sleep(0);
          yield* sleep(0);
          log.push(external()); // the first reader is done, the second still waits
          reader.feedData(b("cdef"));
        })(),
      );
      // The first reader is woken but has not run yet, and a second read starts waiting now.
      expect(str(yield* reader.readexactly(4))).toBe("cdef");
      log.push(external());
      expect(str(yield* first)).toBe("ab");
      yield* feeder;
      expect(log).toEqual([0, 1, 1, 0]);
    }));

  it("reads waiting on several transports hold the clock until the last one stops waiting", () =>
    runVirtual(function* () {
      const loop = getRunningLoop() as unknown as {
        statistics(): { external: number };
        formatTasks(): string;
      };
      const readers = [new StreamReader(), new StreamReader()];
      for (const r of readers) r._setTransport({ pauseReading() {}, resumeReading() {} });
      const log: string[] = [];
      const tasks = readers.map((r) => createTask(r.read(10)));
      yield* sleep(0);
      const outside = loop.formatTasks().split("\n").pop();
      log.push(`both wait: ${loop.statistics().external} (${outside})`);
      readers[0]!.feedData(b("a"));
      yield* tasks[0]!;
      log.push(`one waits: ${loop.statistics().external}`);
      // A timer cannot fire early: virtual time stands still while the second read waits.
      const timer = createTask(
        (function* () {
          yield* sleep(1000);
        })(),
      );
      yield* sleep(0);
      log.push(
        `timer done: ${timer.done()}, time ${loop.statistics().external > 0 ? "held" : "free"}`,
      );
      readers[1]!.feedData(b("b"));
      yield* tasks[1]!;
      log.push(`none waits: ${loop.statistics().external}`);
      yield* timer;
      expect(log).toEqual([
        "both wait: 1 (outside the loop: stream reads waiting for data)",
        "one waits: 1",
        "timer done: false, time held",
        "none waits: 0",
      ]);
    }));
});

describe("StreamReader cancellation and errors", () => {
  it("a task cancelled inside readexactly() loses no bytes: the next read gets them", () =>
    runVirtual(function* () {
      const reader = new StreamReader();
      const task = createTask(reader.readexactly(6));
      yield* sleep(0);
      reader.feedData(b("abc"));
      yield* sleep(0);
      task.cancel();
      yield* sleep(0);
      expect(task.cancelled()).toBe(true);
      reader.feedData(b("def"));
      expect(str(yield* reader.readexactly(6))).toBe("abcdef");
    }));

  it("a task cancelled inside readuntil() or read() loses no bytes", () =>
    runVirtual(function* () {
      const reader = new StreamReader();
      const until = createTask(reader.readuntil("\n"));
      yield* sleep(0);
      reader.feedData(b("par"));
      yield* sleep(0);
      until.cancel();
      yield* sleep(0);
      const all = createTask(reader.read());
      yield* sleep(0);
      reader.feedData(b("tial"));
      yield* sleep(0);
      all.cancel();
      yield* sleep(0);
      reader.feedData(b("\n"));
      expect([until.cancelled(), all.cancelled()]).toEqual([true, true]);
      expect(str(yield* reader.readline())).toBe("partial\n");
    }));

  it("the cancelled read gets CancelledError where it waits", () =>
    runVirtual(function* () {
      const reader = new StreamReader();
      const log: string[] = [];
      const task = createTask(
        (function* () {
          try {
            yield* reader.readline();
          } catch (e) {
            log.push(e instanceof CancelledError ? "CancelledError in readline" : String(e));
            throw e;
          }
        })(),
      );
      yield* sleep(0);
      task.cancel();
      yield* sleep(0);
      expect(log).toEqual(["CancelledError in readline"]);
      expect(reader.statistics().waiting).toBe(false);
    }));

  it("two tasks reading at once: the second gets RuntimeError", () =>
    runVirtual(function* () {
      const reader = new StreamReader();
      const first = createTask(reader.readline());
      yield* sleep(0);
      const error = yield* expectRaises(reader.readline(), RuntimeError);
      expect(error.message).toMatch(/readuntil\(\) called while another task is already waiting/);
      reader.feedData(b("x\n"));
      expect(str(yield* first)).toBe("x\n");
    }));

  it("setException() wakes a waiting read with the error, and later reads throw it", () =>
    runVirtual(function* () {
      const reader = new StreamReader();
      const task = createTask(reader.readexactly(3));
      yield* sleep(0);
      const boom = new Error("boom");
      reader.setException(boom);
      yield* expectRaises(task, Error);
      expect(task.exception()).toBe(boom);
      yield* expectRaises(reader.read(1), Error);
      expect(reader.exception()).toBe(boom);
    }));

  it("feedData() after feedEof() throws RuntimeError", () =>
    runVirtual(function* () {
      const reader = fed("");
      expect(() => reader.feedData(b("x"))).toThrow(RuntimeError);
    }));
});

describe("StreamReader bad input", () => {
  it("rejects bad limits, counts and separators with typed errors naming the argument", () =>
    runVirtual(function* () {
      expect(() => new StreamReader({ limit: 0 })).toThrow(
        new RangeError(
          "StreamReader(options): options.limit must be a positive integer (bytes), got 0",
        ),
      );
      expect(() => new StreamReader({ limit: 1.5 })).toThrow(TypeError);
      const reader = new StreamReader();
      expect(() => reader.readexactly(-1)).toThrow(
        new RangeError("readexactly(n): n must be 0 or more, got -1"),
      );
      expect(() => reader.read(1.5)).toThrow(
        new TypeError("read(n): n must be an integer, got number 1.5"),
      );
      expect(() => reader.read("3" as never)).toThrow(TypeError);
      expect(() => reader.readuntil("")).toThrow(RangeError);
      expect(() => reader.readuntil([])).toThrow(RangeError);
      expect(() => reader.readuntil(42 as never)).toThrow(TypeError);
      expect(() => reader.lines(null as never)).toThrow(TypeError);
    }));
});

describe("StreamReader line iteration", () => {
  it("lines() hands each line to a generator function or a plain one, and counts them", () =>
    runVirtual(function* () {
      const seen: string[] = [];
      const n = yield* fed("a\nb\nc").lines(function* (line) {
        yield* sleep(5);
        seen.push(str(line));
      });
      const m = yield* fed("x\ny\n").lines((line) => seen.push(str(line)));
      expect([n, m, seen]).toEqual([3, 2, ["a\n", "b\n", "c", "x\n", "y\n"]]);
    }));

  it("for await runs over the lines from an async function beside the loop", () =>
    runVirtual(function* () {
      const reader = fed("l1\nl2\n");
      const seen: string[] = [];
      const done = (async () => {
        for await (const line of reader) seen.push(str(line));
      })();
      const loop = getRunningLoop();
      const fut = loop.createFuture<void>();
      done.then(() => fut.setResult(undefined));
      const release = loop.trackExternal("for await");
      yield* fut;
      release();
      expect(seen).toEqual(["l1\n", "l2\n"]);
    }));
});
