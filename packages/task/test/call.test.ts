// call(coro): a coroutine awaited as its own frame on the task's stack must behave exactly as
// `yield*` does — same values, errors, cancellation points, finally order and interleaving with
// other tasks. Most tests below run one program twice, once through `yield*` and once through
// `call()`, and compare the whole event log.
import { CancelledError, type Coroutine, isCancelledError, RuntimeError } from "@corio/interfaces";
import { ContextVar } from "@corio/loop";
import { describe, expect, it } from "vitest";
import { call, createTask, currentTask, fromPromise, sleep } from "../src/index.js";
import { runVirtual } from "../src/testing.js";

type Via = <T>(coro: Coroutine<T>) => Coroutine<T>;
const plain: Via = (coro) => coro;
const both: [string, Via][] = [
  ["yield*", plain],
  ["call()", call],
];

/** Runs `program(via)` with plain yield* and with call(); returns both logs. */
async function differential(
  program: (via: Via, log: string[]) => Coroutine<unknown>,
): Promise<[string[], string[]]> {
  const logs: string[][] = [];
  for (const [, via] of both) {
    const log: string[] = [];
    try {
      log.push(`returned ${String(await runVirtual(() => program(via, log)))}`);
    } catch (e) {
      log.push(`rejected ${(e as Error).name}: ${(e as Error).message}`);
    }
    logs.push(log);
  }
  return logs as [string[], string[]];
}

describe("call() returns what the coroutine returns", () => {
  it("passes values back up a chain 1000 frames deep, with waits at the bottom", async () => {
    function* sum(n: number, via: Via): Coroutine<number> {
      if (n === 0) {
        yield* sleep(5);
        return 0;
      }
      return n + (yield* via(sum(n - 1, via)));
    }
    for (const [, via] of both) {
      expect(await runVirtual(() => sum(1000, via))).toBe(500500);
    }
  });

  it("a frame that returns without waiting resumes its caller in the same step", async () => {
    const [a, b] = await differential(function* (via, log) {
      function* quick(x: number): Coroutine<number> {
        log.push(`quick ${x}`);
        return x * 2;
      }
      const other = createTask(
        (function* () {
          log.push("other runs");
          yield* sleep(0);
          log.push("other again");
        })(),
      );
      yield* sleep(0);
      log.push(`got ${yield* via(quick(1))}`);
      log.push(`got ${yield* via(quick(2))}`);
      yield* sleep(0);
      log.push("main after sleep");
      yield* other;
      return "done";
    });
    expect(b).toEqual(a);
    expect(a).toEqual([
      "other runs",
      "quick 1",
      "got 2",
      "quick 2",
      "got 4",
      "other again",
      "main after sleep",
      "returned done",
    ]);
  });
});

describe("errors and finally blocks", () => {
  it("an error thrown deep unwinds every finally, innermost first, into the caller's catch", async () => {
    const [a, b] = await differential(function* (via, log) {
      function* level(n: number): Coroutine<number> {
        try {
          if (n === 0) {
            yield* sleep(1);
            throw new TypeError("bottom");
          }
          return yield* via(level(n - 1));
        } finally {
          log.push(`finally ${n}`);
        }
      }
      try {
        yield* via(level(3));
      } catch (e) {
        log.push(`caught ${(e as Error).message}`);
      }
      return "after";
    });
    expect(b).toEqual(a);
    expect(a).toEqual([
      "finally 0",
      "finally 1",
      "finally 2",
      "finally 3",
      "caught bottom",
      "returned after",
    ]);
  });

  it("an error nobody catches fails the task with that very error", async () => {
    const boom = new RangeError("deep");
    function* bottom(): Coroutine<never> {
      yield* sleep(1);
      throw boom;
    }
    function* middle(): Coroutine<never> {
      return yield* call(bottom());
    }
    await expect(runVirtual(() => call(middle()))).rejects.toBe(boom);
  });
});

describe("cancellation", () => {
  it("is delivered where the innermost frame waits, and unwinds as yield* does", async () => {
    const [a, b] = await differential(function* (via, log) {
      function* level(n: number): Coroutine<string> {
        try {
          if (n === 0) {
            log.push("bottom waits");
            yield* sleep(1000);
            return "never";
          }
          return yield* via(level(n - 1));
        } finally {
          log.push(`finally ${n} at ${currentTask()!.cancelling()}`);
        }
      }
      const t = createTask(via(level(3)));
      yield* sleep(10);
      t.cancel("stop");
      try {
        yield* t;
      } catch (e) {
        log.push(`${(e as Error).name}: ${(e as Error).message}`);
      }
      return t.cancelled();
    });
    expect(b).toEqual(a);
    expect(a).toEqual([
      "bottom waits",
      "finally 0 at 1",
      "finally 1 at 1",
      "finally 2 at 1",
      "finally 3 at 1",
      "CancelledError: stop",
      "returned true",
    ]);
  });

  it("a caller that catches the cancellation of a frame goes on, and the task ends normally", async () => {
    const [a, b] = await differential(function* (via, log) {
      function* child(): Coroutine<void> {
        yield* sleep(1000);
      }
      function* parent(): Coroutine<string> {
        try {
          yield* via(child());
        } catch (e) {
          log.push(`parent caught ${isCancelledError(e)}`);
          currentTask()!.uncancel();
        }
        yield* sleep(5);
        return "recovered";
      }
      const t = createTask(via(parent()));
      yield* sleep(1);
      t.cancel();
      return yield* t;
    });
    expect(b).toEqual(a);
    expect(a).toEqual(["parent caught true", "returned recovered"]);
  });

  it("a cancellation requested while a frame runs is delivered at the next wait", async () => {
    const [a, b] = await differential(function* (via, log) {
      function* child(): Coroutine<void> {
        currentTask()!.cancel("self");
        log.push("child goes on");
        try {
          yield* sleep(1);
        } catch (e) {
          log.push(`child got ${(e as CancelledError).message}`);
          throw e;
        }
      }
      try {
        yield* via(child());
      } finally {
        log.push("main finally");
      }
    });
    expect(b).toEqual(a);
    expect(a).toEqual([
      "child goes on",
      "child got self",
      "main finally",
      "rejected CancelledError: self",
    ]);
  });
});

describe("what call() refuses", () => {
  function* work(): Coroutine<number> {
    yield* sleep(1);
    return 1;
  }

  it("throws TypeError naming its argument for anything yield* cannot await", () => {
    expect(() => call(42 as never)).toThrow(TypeError);
    expect(() => call(42 as never)).toThrow(
      /call\(op\): op must be a generator object or another operation, got .*42/,
    );
    expect(() => call(work as never)).toThrow(/call the generator function: call\(work\(\)\)/);
    expect(() => call(Promise.resolve(1) as never)).toThrow(/fromPromise/);
  });

  it("passes any other operation through: futures, tasks, sleep(ms)", () =>
    runVirtual(function* () {
      const s = sleep(5, "slept");
      expect(call(s)).toBe(s);
      expect(yield* call(s)).toBe("slept");
      const t = createTask(work());
      expect(call(t)).toBe(t);
      expect(yield* call(t)).toBe(1);
    }));

  it("refuses a generator that a task or another call() already drives", () =>
    runVirtual(function* () {
      const gen = work();
      expect(yield* call(gen)).toBe(1);
      expect(() => call(gen)).toThrow(RuntimeError);
      expect(() => call(gen)).toThrow(/cannot reuse already awaited coroutine/);
      expect(() => createTask(gen)).toThrow(/cannot reuse already awaited coroutine/);
      const driven = work();
      const t = createTask(driven);
      expect(() => call(driven)).toThrow(/cannot reuse/);
      yield* t;
    }));

  it("a frame that yields a promise gets the usual RuntimeError at its yield", () =>
    runVirtual(function* () {
      function* wrong(): Coroutine<string> {
        try {
          yield Promise.resolve(1) as never;
          return "no error";
        } catch (e) {
          return (e as Error).message;
        }
      }
      expect(yield* call(wrong())).toMatch(/yielded a promise/);
    }));
});

describe("the task around the frames", () => {
  it("getCoro() is the task's own coroutine while frames are open", () =>
    runVirtual(function* () {
      let seen: unknown = null;
      function* inner(): Coroutine<void> {
        seen = currentTask()!.getCoro();
        yield* sleep(1);
      }
      function* outer(): Coroutine<void> {
        yield* call(inner());
      }
      const root = outer();
      yield* createTask(root);
      expect(seen).toBe(root);
    }));

  it("frames run in the task's context, and an eager task opens frames inside createTask", () =>
    runVirtual(function* () {
      const rid = new ContextVar<string>("rid");
      const log: string[] = [];
      function* inner(): Coroutine<string> {
        log.push(`inner sees ${rid.get("none")}`);
        yield* sleep(1);
        return rid.get("none");
      }
      function* outer(): Coroutine<string> {
        rid.set("r-1");
        return yield* call(inner());
      }
      const t = createTask(outer(), { eagerStart: true });
      log.push("createTask returned");
      expect(yield* t).toBe("r-1");
      expect(rid.get("unset")).toBe("unset");
      expect(log).toEqual(["inner sees r-1", "createTask returned"]);
    }));

  it("a frame can wait on a promise through fromPromise", () =>
    runVirtual(function* () {
      function* inner(): Coroutine<number> {
        return (yield* fromPromise(Promise.resolve(20))) + 1;
      }
      expect(yield* call(inner())).toBe(21);
    }));
});

describe("random programs: call() and yield* give the same log", () => {
  /** A small deterministic PRNG (mulberry32). */
  function rng(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function program(seed: number) {
    return function* (via: Via, log: string[]): Coroutine<unknown> {
      const r = rng(seed);
      // A tree of nested calls: each node may sleep, recurse, throw, catch, or be cancelled.
      function* node(id: string, depth: number): Coroutine<number> {
        let total = 0;
        try {
          const kids = depth < 6 ? Math.floor(r() * 3) : 0;
          for (let i = 0; i < kids; i++) {
            if (r() < 0.3) yield* sleep(Math.floor(r() * 3));
            try {
              total += yield* via(node(`${id}.${i}`, depth + 1));
            } catch (e) {
              log.push(`${id} caught ${(e as Error).message}`);
              if (isCancelledError(e) || r() < 0.3) throw e;
            }
          }
          if (r() < 0.15) throw new Error(`fail ${id}`);
          if (r() < 0.4) yield* sleep(Math.floor(r() * 4));
          return total + 1;
        } finally {
          log.push(`end ${id} at ${currentTask()!.getLoop().time()}`);
        }
      }
      const tasks = [0, 1, 2].map((k) => createTask(via(node(`t${k}`, 0))));
      yield* sleep(Math.floor(r() * 6));
      if (r() < 0.5) tasks[1]!.cancel("random");
      const results: string[] = [];
      for (const t of tasks) {
        try {
          results.push(String(yield* t));
        } catch (e) {
          results.push((e as Error).name);
        }
      }
      return results.join(",");
    };
  }

  it("over 200 seeded random trees of frames, with waits, failures and cancellations", async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const [a, b] = await differential(program(seed));
      expect(b, `seed ${seed}`).toEqual(a);
    }
  });
});

// A CancelledError made by hand is still a CancelledError through a frame.
it("a CancelledError a frame throws by itself cancels the task, as with yield*", async () => {
  function* child(): Coroutine<void> {
    yield* sleep(1);
    throw new CancelledError("by hand");
  }
  const t = runVirtual(function* () {
    const task = createTask(call(child()));
    try {
      yield* task;
    } catch {
      // expected: read below
    }
    return task.cancelled();
  });
  expect(await t).toBe(true);
});
