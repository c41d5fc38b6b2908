import { CancelledError, getRunningLoop, RuntimeError } from "@corio/interfaces";
import type { EventLoop } from "@corio/loop";
import { describe, expect, it } from "vitest";
// @corio/testkit depends on @corio/task, so these tests take the helper from its source.
import { expectRaises } from "../../testkit/src/throws.js";
import { allTasks, createTask, currentTask, run, sleep, Task } from "../src/index.js";
import { runVirtual } from "../src/testing.js";

function* nap<T = undefined>(ms: number, value?: T) {
  return yield* sleep(ms, value as T);
}

describe("createTask", () => {
  it("starts tasks on the next iteration, in creation order", () =>
    runVirtual(function* () {
      const log: string[] = [];
      function* worker(name: string) {
        log.push(`${name} starts`);
        yield* sleep(0);
        log.push(`${name} resumes`);
      }
      createTask(worker("a"));
      createTask(worker("b"));
      log.push("main continues");
      yield* sleep(0);
      log.push("main after one iteration");
      yield* sleep(0);
      expect(log).toEqual([
        "main continues",
        "a starts",
        "b starts",
        "main after one iteration",
        "a resumes",
        "b resumes",
      ]);
    }));

  it("names tasks Task-N unless given a name, and renames them", () =>
    runVirtual(function* () {
      const t = createTask((function* () {})());
      const named = createTask((function* () {})(), { name: "crawler" });
      expect(t.getName()).toMatch(/^Task-\d+$/);
      expect(named.getName()).toBe("crawler");
      named.setName("renamed");
      expect(named.getName()).toBe("renamed");
      expect(() => named.setName(3 as never)).toThrow(TypeError);
      yield* t;
    }));

  it("rejects what is not a generator object, with a hint", () =>
    runVirtual(function* () {
      function* work() {}
      expect(() => createTask(work as never)).toThrow(TypeError);
      expect(() => createTask(work as never)).toThrow(/createTask\(work\(\)\)/);
      expect(() => createTask(work(), { name: 5 as never })).toThrow(
        /options.name must be a string/,
      );
    }));

  it("is a future of the coroutine's return value", () =>
    runVirtual(function* () {
      const t = createTask(
        (function* () {
          yield* sleep(10);
          return "value";
        })(),
      );
      expect(t.done()).toBe(false);
      expect(yield* t).toBe("value");
      expect(t.result()).toBe("value");
      expect(() => t.setResult("x")).toThrow(RuntimeError);
      expect(() => t.setException(new Error())).toThrow(RuntimeError);
    }));
});

describe("interleavings match asyncio", () => {
  it("yield* of a coroutine runs inline without giving up control", () =>
    runVirtual(function* () {
      const log: string[] = [];
      function* inner() {
        log.push("inner");
        return 1;
      }
      createTask(
        (function* () {
          log.push("other task");
        })(),
      );
      yield* inner();
      log.push("after inner");
      yield* sleep(0);
      expect(log).toEqual(["inner", "after inner", "other task"]);
    }));

  it("awaiting a done future does not suspend", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const fut = getRunningLoop().createFuture<number>();
      fut.setResult(1);
      createTask(
        (function* () {
          log.push("other task");
        })(),
      );
      yield* fut;
      log.push("after done future");
      yield* sleep(0);
      expect(log).toEqual(["after done future", "other task"]);
    }));

  it("a future's completion resumes waiters and callbacks in registration order (CPython 3.13 trace)", () =>
    runVirtual(function* () {
      const loop = getRunningLoop();
      const fut = loop.createFuture<number>();
      const log: string[] = [];
      function* waiter(n: number) {
        log.push(`wait ${n}`);
        const v = yield* fut;
        log.push(`woke ${n} ${v}`);
      }
      createTask(waiter(1));
      fut.addDoneCallback(() => log.push("cb A"));
      createTask(waiter(2));
      yield* sleep(0);
      fut.addDoneCallback(() => log.push("cb B"));
      loop.callSoon(() => log.push("soon"));
      fut.setResult(7);
      log.push("set");
      yield* sleep(0);
      log.push("main after 1");
      yield* sleep(0);
      log.push("main after 2");
      expect(log).toEqual([
        "wait 1",
        "wait 2",
        "set",
        "soon",
        "cb A",
        "woke 1 7",
        "woke 2 7",
        "cb B",
        "main after 1",
        "main after 2",
      ]);
    }));

  it("sleep(0) gives up control for exactly one iteration", () =>
    runVirtual(function* () {
      const log: string[] = [];
      function* ping(name: string) {
        for (let i = 0; i < 3; i++) {
          log.push(`${name}${i}`);
          yield* sleep(0);
        }
      }
      const a = createTask(ping("a"));
      const b = createTask(ping("b"));
      yield* a;
      yield* b;
      expect(log).toEqual(["a0", "b0", "a1", "b1", "a2", "b2"]);
      expect(getRunningLoop().time()).toBe(0);
    }));

  it("sleep returns its value and rejects bad delays", () =>
    runVirtual(function* () {
      expect(yield* sleep(5, "x")).toBe("x");
      expect(yield* sleep(0, "y")).toBe("y");
      expect(yield* sleep(-3, "z")).toBe("z");
      expect(getRunningLoop().time()).toBe(5);
      expect(() => sleep("1" as never)).toThrow(TypeError);
      expect(() => sleep(Number.NaN)).toThrow(RangeError);
    }));

  it("a sleep made ahead of time starts counting when awaited", () =>
    runVirtual(function* () {
      const loop = getRunningLoop();
      const s = sleep(100);
      yield* sleep(50);
      yield* s;
      expect(loop.time()).toBe(150);
    }));
});

describe("cancellation", () => {
  it("is delivered at the yield* where the task waits; finally runs; the message travels (CPython 3.13 trace)", () =>
    runVirtual(function* () {
      const log: string[] = [];
      function* child() {
        try {
          log.push("child start");
          yield* sleep(10_000);
        } catch (e) {
          log.push(`child cancelled ${(e as Error).message}`);
          throw e;
        } finally {
          log.push("child finally");
        }
      }
      function* parent(c: Task<void>) {
        try {
          yield* c;
        } catch (e) {
          log.push(`parent cancelled ${c.cancelled()}`);
          throw e;
        }
      }
      const c = createTask(child());
      const p = createTask(parent(c));
      yield* sleep(0);
      log.push(`cancel ${p.cancel("bye")}`);
      log.push(`cancelling ${p.cancelling()} ${c.cancelling()}`);
      yield* sleep(0);
      log.push("main 1");
      yield* sleep(0);
      log.push("main 2");
      yield* sleep(0);
      log.push(`main 3 ${p.cancelled()} ${c.cancelled()}`);
      expect(log).toEqual([
        "child start",
        "cancel true",
        "cancelling 1 1",
        "child cancelled bye",
        "child finally",
        "main 1",
        "parent cancelled true",
        "main 2",
        "main 3 true true",
      ]);
      expect(getRunningLoop().time()).toBe(0);
    }));

  it("a coroutine that catches CancelledError and returns finishes normally", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const s = createTask(
        (function* () {
          try {
            yield* sleep(10_000);
          } catch {
            log.push("caught");
          }
          return "finished anyway";
        })(),
      );
      yield* sleep(0);
      s.cancel();
      const r = yield* s;
      expect([r, s.cancelled(), s.cancelling(), ...log]).toEqual([
        "finished anyway",
        false,
        1,
        "caught",
      ]);
    }));

  it("a task cancelled before its first step never runs its body", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const n = createTask(
        (function* () {
          log.push("never runs");
        })(),
      );
      n.cancel();
      yield* expectRaises(n, CancelledError);
      log.push("n cancelled");
      expect(log).toEqual(["n cancelled"]);
    }));

  it("cancel() returns false once done, and uncancel() withdraws requests", () =>
    runVirtual(function* () {
      const t = createTask(
        (function* () {
          try {
            yield* sleep(100);
          } catch {
            // swallowed on purpose
          }
          yield* sleep(100);
          return "survived";
        })(),
      );
      yield* sleep(0);
      expect(t.cancel()).toBe(true);
      expect(t.cancel()).toBe(true);
      expect(t.cancelling()).toBe(2);
      expect(t.uncancel()).toBe(1);
      expect(t.uncancel()).toBe(0);
      expect(t.uncancel()).toBe(0);
      expect(yield* t).toBe("survived");
      expect(t.cancel()).toBe(false);
    }));

  it("uncancel() down to zero before the first step withdraws the cancellation (CPython 3.13)", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const t = createTask(
        (function* () {
          log.push("ran");
          return "ok";
        })(),
      );
      t.cancel();
      t.cancel();
      expect([t.uncancel(), t.uncancel()]).toEqual([1, 0]);
      expect(yield* t).toBe("ok");
      expect([log, t.cancelled()]).toEqual([["ran"], false]);
    }));

  it("cancelling a sleeping task removes its timer from the loop at once", () =>
    runVirtual(function* () {
      const loop = getRunningLoop() as EventLoop;
      const t = createTask(nap(10_000));
      yield* sleep(0);
      expect(loop.statistics().timers).toBe(1);
      t.cancel();
      expect(loop.statistics().timers).toBe(0);
      yield* expectRaises(t, CancelledError);
      expect(loop.time()).toBe(0);
    }));

  it("exposes an AbortSignal that aborts on cancel, made only when asked for", () =>
    runVirtual(function* () {
      const t = createTask(nap(1000));
      expect(t._rare).toBeNull();
      const signal = t.signal;
      const reasons: unknown[] = [];
      signal.addEventListener("abort", () => reasons.push(signal.reason));
      t.cancel("enough");
      expect(reasons).toHaveLength(1);
      expect(reasons[0]).toBeInstanceOf(CancelledError);
      expect((reasons[0] as Error).message).toBe("enough");
      yield* expectRaises(t, CancelledError);
      expect(t.cancelled()).toBe(true);
    }));
});

describe("errors", () => {
  it("propagate through yield* of a task", () =>
    runVirtual(function* () {
      const t = createTask(
        (function* () {
          yield* sleep(1);
          throw new TypeError("bad");
        })(),
      );
      let caught: unknown;
      try {
        yield* t;
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(TypeError);
      expect(t.exception()).toBe(caught);
    }));

  it("yield without * is caught and explained", () =>
    runVirtual(function* () {
      const fut = getRunningLoop().createFuture<number>();
      const bad = createTask(
        (function* (): Generator<any, void, unknown> {
          yield fut;
        })(),
      );
      const gen = createTask(
        (function* (): Generator<any, void, unknown> {
          yield (function* () {})();
        })(),
      );
      const promise = createTask(
        (function* (): Generator<any, void, unknown> {
          yield Promise.resolve(1);
        })(),
      );
      for (const [t, pattern] of [
        [bad, /yield was used instead of yield\*/],
        [gen, /write yield\* to run a coroutine/],
        [promise, /fromPromise/],
      ] as const) {
        expect((yield* expectRaises(t, RuntimeError)).message).toMatch(pattern);
      }
    }));

  it("a task cannot await itself", () =>
    runVirtual(function* () {
      const holder: { self?: Task<void> } = {};
      const t = createTask(
        (function* () {
          yield* holder.self!;
        })(),
      );
      holder.self = t;
      const err = yield* expectRaises(t, RuntimeError);
      expect(err.message).toMatch(/cannot await on itself/);
    }));
});

describe("currentTask and allTasks", () => {
  it("tell which task runs and which are alive", () =>
    runVirtual(function* () {
      const main = currentTask();
      expect(main).toBeInstanceOf(Task);
      const t = createTask(nap(10));
      expect(allTasks()).toEqual(new Set([main, t]));
      yield* t;
      expect(allTasks()).toEqual(new Set([main]));
      let fromCallback: unknown = "unset";
      getRunningLoop().callSoon(() => {
        fromCallback = currentTask();
      });
      yield* sleep(0);
      expect(fromCallback).toBeNull();
    }));

  it("throw RuntimeError outside a loop", () => {
    expect(() => currentTask()).toThrow(RuntimeError);
    expect(() => createTask((function* () {})())).toThrow(/no running event loop/);
  });
});

describe("cancellation stack traces", () => {
  function* waitsHere() {
    yield* sleep(10_000);
  }

  it("are recorded in debug mode, showing where the coroutine waited", async () => {
    const error = await run(
      function* () {
        const t = createTask(waitsHere());
        yield* sleep(0);
        t.cancel();
        try {
          yield* t;
        } catch (e) {
          return e as Error;
        }
      },
      { clock: "virtual", debug: true },
    );
    expect(error).toBeInstanceOf(CancelledError);
    expect(error?.stack).toMatch(/waitsHere/);
  });

  it("are left out otherwise, because recording them dominated the cost of a cancel", () =>
    runVirtual(function* () {
      const t = createTask(waitsHere());
      yield* sleep(0);
      t.cancel("stop");
      const e = yield* expectRaises(t, CancelledError);
      expect(e.message).toBe("stop");
      expect(e.stack).not.toMatch(/waitsHere/);
      expect(Error.stackTraceLimit).toBeGreaterThan(0);
    }));
});

describe("what a waiting task keeps", () => {
  it("parking on a future does not make the task's default name (a string per task)", () =>
    runVirtual(function* () {
      const t = createTask(
        (function* () {
          yield* sleep(10);
        })(),
      );
      yield* sleep(1); // t is parked on its sleep
      expect(typeof (t as unknown as { _name: unknown })._name).toBe("number");
      expect(t.getName()).toMatch(/^Task-\d+$/);
      yield* t;
    }));
});
