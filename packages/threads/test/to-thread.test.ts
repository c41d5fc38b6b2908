// toThread on real worker threads: results, errors with type/message/stack, argument checks,
// transfer lists, and how a pending job looks to the loop (virtual clock, deadlock detection).
import { availableParallelism } from "node:os";
import { waitFor } from "@corio/cancel";
import {
  DeadlockError,
  getRunningLoop,
  type Operation,
  RuntimeError,
  type Yielded,
} from "@corio/interfaces";
import { createTask, run, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { describe, expect, it } from "vitest";
import { defaultThreadPool, ThreadPool, toThread, withTransfer } from "../src/index.js";
import { BROKEN, flag, release, WORK } from "./helpers.js";

describe("toThread results", () => {
  it("returns what the worker function returns, sync or async", () =>
    run(function* () {
      expect(yield* toThread(WORK, "add", [2, 3])).toBe(5);
      expect(yield* toThread(WORK, "later", ["x", 1])).toBe("x");
      expect(yield* toThread(WORK.href, "add", ["a", "b"])).toBe("ab");
    }));

  it("accepts an absolute path as well as a URL", () =>
    run(function* () {
      expect(yield* toThread(new URL(WORK).pathname, "add", [1, 1])).toBe(2);
    }));

  it("runs off the loop: other tasks keep running while the job blocks its thread", () =>
    run(function* () {
      const log: string[] = [];
      const f = flag();
      const job = createTask(toThread(WORK, "waitFor", [f, "unblocked"]));
      for (let i = 0; i < 3; i++) {
        yield* sleep(1);
        log.push(`tick ${i}, job done: ${job.done()}`);
      }
      release(f); // only the loop's thread can end the job, so the ticks ran while it was blocked
      log.push(`job ${yield* job}`);
      expect(log).toEqual([
        "tick 0, job done: false",
        "tick 1, job done: false",
        "tick 2, job done: false",
        "job unblocked",
      ]);
    }));

  it("the default pool is sized from the machine's cores and reused across calls", () =>
    run(function* () {
      const pool = defaultThreadPool();
      expect(pool.statistics().maxWorkers).toBe(availableParallelism());
      const a = yield* toThread(WORK, "threadId");
      const b = yield* toThread(WORK, "threadId");
      expect(a).toBe(b);
      expect(defaultThreadPool()).toBe(pool);
      expect(pool.statistics()).toMatchObject({ workers: 1, idle: 1, busy: 0 });
    }));

  it("a structured clone travels: Map, Date, typed arrays", () =>
    run(function* () {
      const pool = new ThreadPool({ maxWorkers: 1 });
      const m = new Map([["k", new Date(0)]]);
      expect(yield* toThread(WORK, "later", [m, 0], { pool })).toEqual(m);
      yield* pool.shutdown();
    }));
});

describe("errors thrown in the worker", () => {
  it("keep a built-in type, the message and the worker's stack", () =>
    run(function* () {
      const err = yield* catching(toThread(WORK, "failRange", [12]));
      expect(err).toBeInstanceOf(RangeError);
      expect((err as Error).message).toBe("n must be below 10, got 12");
      expect((err as Error).stack).toMatch(/^RangeError: n must be below 10, got 12\n/);
      expect((err as Error).stack).toMatch(/at failRange \(.*fixtures\/work\.mjs:\d+:\d+\)/);
    }));

  it("keep a custom class's name and own properties (as an Error)", () =>
    run(function* () {
      const err = (yield* catching(toThread(WORK, "failParse", ["a+"]))) as Error & {
        line: number;
      };
      expect(err).toBeInstanceOf(Error);
      expect(err.name).toBe("ParseError");
      expect(String(err)).toBe("ParseError: bad token in a+");
      expect(err.line).toBe(3);
      expect(err.stack).toMatch(/at failParse \(/);
    }));

  it("a thrown non-error value comes back as is", () =>
    run(function* () {
      expect(yield* catching(toThread(WORK, "throwString"))).toBe("plain string");
    }));

  it("an export that is not a function is a TypeError naming it and the functions there are", () =>
    run(function* () {
      const err = yield* catching(toThread(WORK, "notAFunction"));
      expect(err).toBeInstanceOf(TypeError);
      expect((err as Error).message).toMatch(
        /^toThread\(module, name\): file:.*work\.mjs has no function export named "notAFunction" \(it is a number; function exports: .*\badd\b.*\)$/,
      );
      const missing = yield* catching(toThread(WORK, "nope"));
      expect((missing as Error).message).toMatch(/named "nope" \(it is missing;/);
    }));

  it("a module that fails to load reports the module and the loader's error", () =>
    run(function* () {
      const err = (yield* catching(toThread(BROKEN, "ok"))) as Error & { code: string };
      expect(err).toBeInstanceOf(Error);
      expect(err.message).toMatch(
        /^cannot load file:.*broken\.mjs: Cannot find module .*no-such-dependency\.mjs/,
      );
      expect(err.code).toBe("ERR_MODULE_NOT_FOUND");
      expect(err.stack).toMatch(
        /^Error \[ERR_MODULE_NOT_FOUND\]: cannot load file:.*broken\.mjs: /,
      );
    }));

  it("a result that cannot be cloned fails with a DataCloneError that says so", () =>
    run(function* () {
      const err = (yield* catching(toThread(WORK, "returnsFunction"))) as Error;
      expect(err.name).toBe("DataCloneError");
      expect(err.message).toMatch(/^the job's result cannot be sent back to the main thread: /);
    }));

  it("arguments that cannot be cloned fail the job, and the worker stays usable", () =>
    run(function* () {
      const pool = new ThreadPool({ maxWorkers: 1 });
      const err = (yield* catching(toThread(WORK, "add", [() => 1, 2], { pool }))) as Error;
      expect(err.name).toBe("DataCloneError");
      expect(yield* toThread(WORK, "add", [1, 2], { pool })).toBe(3);
      yield* pool.shutdown();
    }));
  it("a queued job whose arguments cannot be cloned fails alone and holds nothing", () =>
    run(function* () {
      const pool = new ThreadPool({ maxWorkers: 1 });
      const busy = pool.submit(WORK, "spin", [10, "busy"]);
      const buffer = new ArrayBuffer(4);
      const bad = pool.submit(WORK, "add", [() => 1, buffer], { transfer: [buffer] });
      expect(((yield* catching(bad)) as Error).name).toBe("DataCloneError");
      expect(pool.statistics().queued).toBe(0);
      expect(yield* busy).toBe("busy");
      yield* pool.shutdown();
    }));

  it("messages a job posts to the parent port itself are ignored", () =>
    run(function* () {
      expect(yield* toThread(WORK, "chatty", ["mine"])).toBe("mine");
      expect(yield* toThread(WORK, "add", [1, 2])).toBe(3);
    }));
});

describe("bad arguments are typed errors naming the argument", () => {
  it("module: relative, missing file, wrong type", () =>
    run(function* () {
      const where = "toThread(module, name, args, options)";
      expect(yield* catching(toThread("./work.mjs", "add"))).toEqual(
        new TypeError(
          `${where}: module must be a URL or an absolute path to a module file (a worker cannot resolve a relative name: use new URL("./work.mjs", import.meta.url)), got "./work.mjs"`,
        ),
      );
      const missing = (yield* catching(toThread("/no/such/file.mjs", "f"))) as Error;
      expect(missing).toBeInstanceOf(TypeError);
      expect(missing.message).toBe(
        `${where}: module file:///no/such/file.mjs does not exist (no file at /no/such/file.mjs)`,
      );
      expect(yield* catching(toThread(42 as never, "f"))).toBeInstanceOf(TypeError);
    }));

  it("name, args, options", () =>
    run(function* () {
      const where = "toThread(module, name, args, options)";
      expect(((yield* catching(toThread(WORK, ""))) as Error).message).toBe(
        `${where}: name must be the name of a function the module exports, got an empty string`,
      );
      expect(((yield* catching(toThread(WORK, "add", 1 as never))) as Error).message).toBe(
        `${where}: args must be an array of arguments, got number`,
      );
      expect(
        ((yield* catching(toThread(WORK, "add", [], { onCancel: "kill" as never }))) as Error)
          .message,
      ).toBe(`${where}: onCancel must be "abandon" or "terminate", got "kill"`);
      expect(
        ((yield* catching(toThread(WORK, "add", [], { transfer: 1 as never }))) as Error).message,
      ).toBe(`${where}: options.transfer must be an array, got number`);
    }));

  it("pool size must be a positive integer", () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() => new ThreadPool({ maxWorkers: bad })).toThrow(
        new RangeError(`ThreadPool(options): maxWorkers must be a positive integer, got ${bad}`),
      );
    }
    expect(() => new ThreadPool({ maxWorkers: "2" as never })).toThrow(
      "ThreadPool(options): maxWorkers must be a positive integer, got string",
    );
    expect(() => new ThreadPool({ onCancel: "stop" as never })).toThrow(TypeError);
  });

  it("toThread outside a running loop is a RuntimeError", () => {
    expect(() => toThread(WORK, "add").next()).toThrow(RuntimeError);
  });
});

describe("transfer lists", () => {
  it("a transferred ArrayBuffer is detached on the sender and whole in the worker", () =>
    run(function* () {
      const buffer = new ArrayBuffer(1024);
      const job = createTask(toThread(WORK, "byteLength", [buffer], { transfer: [buffer] }));
      yield* sleep(0);
      expect(buffer.byteLength).toBe(0); // moved, not copied
      expect(yield* job).toBe(1024);
    }));

  it("without a transfer list the buffer is copied and stays usable here", () =>
    run(function* () {
      const buffer = new ArrayBuffer(16);
      expect(yield* toThread(WORK, "byteLength", [buffer])).toBe(16);
      expect(buffer.byteLength).toBe(16);
    }));

  it("a job queued behind a busy pool detaches its transfer at once, not when it starts", () =>
    run(function* () {
      const pool = new ThreadPool({ maxWorkers: 1 });
      const busy = pool.submit(WORK, "spin", [20, 0]);
      const buffer = new ArrayBuffer(8);
      const queued = pool.submit<number>(WORK, "byteLength", [buffer], { transfer: [buffer] });
      expect(pool.statistics().queued).toBe(1);
      expect(buffer.byteLength).toBe(0);
      yield* busy;
      expect(yield* queued).toBe(8);
      yield* pool.shutdown();
    }));

  it("a worker returns a buffer by transfer with withTransfer's marker", () =>
    run(function* () {
      const buffer = (yield* toThread(WORK, "makeBuffer", [32])) as ArrayBuffer;
      expect(buffer).toBeInstanceOf(ArrayBuffer);
      expect(buffer.byteLength).toBe(32);
      const marked = withTransfer(buffer, [buffer]) as unknown as { value: unknown };
      expect(marked.value).toBe(buffer);
      expect(() => withTransfer(1, 2 as never)).toThrow(
        "withTransfer(value, transfer): transfer must be an array, got number",
      );
    }));
});

describe("a pending job and the loop", () => {
  it("holds a virtual clock still: a sleeper due at 1000 ms wakes only after the job", () =>
    runVirtual(function* () {
      const loop = getRunningLoop();
      const log: string[] = [];
      const sleeper = createTask(
        (function* () {
          yield* sleep(1000);
          log.push(`slept at ${loop.time()}`);
        })(),
      );
      log.push(`job ${yield* toThread(WORK, "spin", [20, "done"])} at ${loop.time()}`);
      yield* sleeper;
      expect(log).toEqual(["job done at 0", "slept at 1000"]);
    }));

  it("is not a deadlock: the main task waits only on a worker for 30 ms", async () => {
    await expect(runVirtual(toThread(WORK, "later", ["ok", 30]))).resolves.toBe("ok");
  });

  it("idle workers hold nothing: a real deadlock after a job is still reported", async () => {
    const stuck = runVirtual(function* () {
      yield* toThread(WORK, "add", [1, 2]);
      yield* getRunningLoop().createFuture<void>("never set");
    });
    await expect(stuck).rejects.toBeInstanceOf(DeadlockError);
  });

  it("a virtual-clock waitFor around a job cannot time out: time stands still until it answers", () =>
    runVirtual(function* () {
      expect(yield* waitFor(toThread(WORK, "spin", [20, "in time"]), 10)).toBe("in time");
      expect(getRunningLoop().time()).toBe(0);
    }));
});

/** Runs `op` and returns what it threw; fails the test if it did not throw. */
function* catching(op: Operation<unknown>): Generator<Yielded, unknown, unknown> {
  try {
    yield* op;
  } catch (error) {
    return error;
  }
  throw new Error("expected the operation to throw");
}
