import {
  CancelledError,
  type Coroutine,
  type FutureLike,
  getRunningLoop,
  isCancelledError,
  type Operation,
} from "@corio/interfaces";
import { createTask, run, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { expectRaises } from "@corio/testkit";
import { describe, expect, expectTypeOf, it } from "vitest";
import { gather } from "../src/index.js";
import { child, ticker } from "./helpers.js";

function* value<T>(v: T, ms: number): Coroutine<T> {
  yield* sleep(ms);
  return v;
}

describe("gather: results", () => {
  it("returns results in argument order, typed as a tuple", () =>
    runVirtual(function* () {
      const [a, b] = yield* gather(value(1, 200), value("two", 100));
      expectTypeOf(a).toEqualTypeOf<number>();
      expectTypeOf(b).toEqualTypeOf<string>();
      expect([a, b]).toEqual([1, "two"]);
      expect(getRunningLoop().time()).toBe(200);
    }));

  it("accepts tasks, futures and lazy operations such as sleep()", () =>
    runVirtual(function* () {
      const loop = getRunningLoop();
      const fut = loop.createFuture<boolean>();
      loop.callLater(50, () => fut.setResult(true));
      const task = createTask(value(7, 10));
      const r = yield* gather(task, fut, sleep(30, "slept"));
      expectTypeOf(r).toEqualTypeOf<[number, boolean, string]>();
      expect(r).toEqual([7, true, "slept"]);
      expect(loop.time()).toBe(50);
    }));

  it("runs the same awaitable once and repeats its result", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const a = createTask(child(log, "a", 1));
      const r = yield* gather(a, a, child(log, "b", 0));
      expect(r).toEqual(["a", "a", "b"]);
      expect(log).toEqual(["a start", "b start", "b end", "a end"]);
    }));

  it("counts a repeated coroutine or task once, wherever it repeats, keeping callback order", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const a = createTask(child(log, "a", 2));
      a.addDoneCallback(() => log.push("a's own callback"));
      const coro = child(log, "c", 1);
      const g = gather(a, coro, child(log, "b", 0), a, coro);
      a.addDoneCallback(() => log.push("added after gather"));
      const r = yield* g;
      expect(r).toEqual(["a", "c", "b", "a", "c"]);
      expect(log.filter((l) => l.endsWith("start"))).toEqual(["a start", "c start", "b start"]);
      expect(log.slice(-3)).toEqual(["a end", "a's own callback", "added after gather"]);
    }));

  it("gather() of nothing gives []", () =>
    runVirtual(function* () {
      const r = yield* gather();
      expect(r).toEqual([]);
    }));

  it("settles at once when every argument is already done", () =>
    runVirtual(function* () {
      const loop = getRunningLoop();
      const f = loop.createFuture<number>();
      f.setResult(3);
      const g = gather(f, f);
      expect(g.done()).toBe(true);
      expect(yield* g).toEqual([3, 3]);
    }));

  it("wakes the awaiter in asyncio's order (done callbacks go through the ready queue)", () =>
    runVirtual(function* () {
      // Same trace as CPython 3.13 with asyncio.sleep(0) for each step.
      const log: string[] = [];
      const t = createTask(ticker(log, 8));
      const r = yield* gather(child(log, "a", 2), child(log, "b", 1));
      log.push(`main ${r.join(",")}`);
      yield* t;
      expect(log).toEqual([
        "tick0",
        "a start",
        "b start",
        "tick1",
        "b end",
        "tick2",
        "a end",
        "tick3",
        "tick4",
        "main a,b",
        "tick5",
        "tick6",
        "tick7",
      ]);
    }));
});

describe("gather: errors", () => {
  it("throws the first error at once while the other children keep running", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const t = createTask(ticker(log, 8));
      try {
        yield* gather(child(log, "a", 3), child(log, "b", 1, true));
      } catch (e) {
        log.push(`main caught ${(e as Error).message}`);
      }
      yield* t;
      expect(log).toEqual([
        "tick0",
        "a start",
        "b start",
        "tick1",
        "b fail",
        "tick2",
        "tick3",
        "a end",
        "main caught b",
        "tick4",
        "tick5",
        "tick6",
        "tick7",
      ]);
    }));

  it("keeps running the other children after the error reached the awaiter", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const slow = createTask(
        (function* () {
          yield* sleep(100);
          log.push("slow done");
        })(),
      );
      const failing = (function* () {
        yield* sleep(10);
        throw new RangeError("boom");
      })();
      yield* expectRaises(gather(slow, failing), RangeError);
      log.push(`caught at ${getRunningLoop().time()}`);
      yield* slow;
      expect(log).toEqual(["caught at 10", "slow done"]);
    }));

  it("with returnExceptions, errors and CancelledErrors take their places", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const a = createTask(child(log, "a", 3));
      const b = createTask(child(log, "b", 3, true));
      const c = createTask(child(log, "c", 3));
      const g = gather(a, b, c, { returnExceptions: true });
      yield* sleep(0);
      c.cancel("bye");
      const r = yield* g;
      expectTypeOf(r).toEqualTypeOf<[string | Error, string | Error, string | Error]>();
      expect(r[0]).toBe("a");
      expect(r[1]).toBeInstanceOf(Error);
      expect((r[1] as Error).message).toBe("b");
      expect(r[2]).toBeInstanceOf(CancelledError);
      expect(log).toEqual(["a start", "b start", "c start", "a end", "b fail"]);
    }));

  it("with returnExceptions, a cancelled task's place holds the very error awaiting it raises", () =>
    runVirtual(function* () {
      const t = createTask(value(1, 10));
      yield* sleep(0);
      t.cancel("stop");
      const [r] = yield* gather(t, { returnExceptions: true });
      let raised: unknown;
      try {
        yield* t;
      } catch (e) {
        raised = e;
      }
      expect(isCancelledError(r)).toBe(true);
      expect((r as Error).message).toBe("stop");
      expect(r).toBe(raised);
    }));

  it("reads a cancelled future's error from exception() when it has no _makeCancelledError", () =>
    runVirtual(function* () {
      // Another implementation of the future protocol, without the optional fast path.
      const inner = getRunningLoop().createFuture<number>();
      const foreign: FutureLike<number> = {
        get _blocking() {
          return inner._blocking;
        },
        set _blocking(v: boolean) {
          inner._blocking = v;
        },
        getLoop: () => inner.getLoop(),
        done: () => inner.done(),
        cancelled: () => inner.cancelled(),
        result: () => inner.result(),
        exception: () => inner.exception(),
        cancel: (message?: string) => inner.cancel(message),
        addDoneCallback: (cb) => inner.addDoneCallback(() => cb(foreign)),
        removeDoneCallback: () => 0,
        [Symbol.iterator]: () => inner[Symbol.iterator](),
      };
      expect(foreign._makeCancelledError).toBeUndefined();
      const g = gather(foreign, value(2, 5), { returnExceptions: true });
      yield* sleep(1);
      inner.cancel("gone");
      const [a, b] = yield* g;
      expect(isCancelledError(a)).toBe(true);
      expect((a as Error).message).toBe("gone");
      expect(b).toBe(2);
    }));

  it("throws CancelledError when a child is cancelled and returnExceptions is false", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const a = createTask(child(log, "a", 3));
      const b = createTask(child(log, "b", 3));
      const g = gather(a, b);
      yield* sleep(0);
      b.cancel("bye");
      const e = yield* expectRaises(g, CancelledError);
      log.push(`g raised cancelled "${e.message}" a.done=${a.done()}`);
      // The gather's awaiter is not itself cancelled: it goes on.
      yield* a;
      expect(log).toEqual(["a start", "b start", "a end", 'g raised cancelled "bye" a.done=true']);
    }));

  it("marks the errors of children nobody reads as retrieved", async () => {
    const reported: unknown[] = [];
    await run(
      function* () {
        const a = createTask(value(0, 5));
        const bad1 = (function* () {
          yield* sleep(1);
          throw new Error("first");
        })();
        const bad2 = (function* () {
          yield* sleep(2);
          throw new Error("second");
        })();
        try {
          yield* gather(a, bad1, bad2);
        } catch {}
        yield* sleep(10);
      },
      {
        clock: "virtual",
        setup: (loop) => loop.setExceptionHandler((_l, ctx) => reported.push(ctx.exception)),
      },
    );
    expect(reported).toEqual([]);
  });
});

describe("gather: cancellation", () => {
  it("cancelling the awaiting task cancels every child", () =>
    runVirtual(function* () {
      const log: string[] = [];
      function* slow(name: string) {
        try {
          log.push(`${name} start`);
          yield* sleep(10_000);
        } finally {
          log.push(`${name} finally`);
        }
      }
      const m = createTask(
        (function* () {
          try {
            yield* gather(slow("a"), slow("b"));
          } catch (e) {
            log.push("main2 cancelled");
            throw e;
          }
        })(),
      );
      yield* sleep(1000);
      m.cancel("stop");
      try {
        yield* m;
      } catch (e) {
        log.push(`m cancelled ${(e as Error).message}`);
      }
      expect(log).toEqual([
        "a start",
        "b start",
        "a finally",
        "b finally",
        "main2 cancelled",
        "m cancelled stop",
      ]);
      expect(getRunningLoop().time()).toBe(1000);
    }));

  it("cancel() on the gather cancels the children; it raises CancelledError even with returnExceptions", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const a = createTask(child(log, "a", 5));
      const g = gather(a, { returnExceptions: true });
      yield* sleep(0);
      log.push(`cancel=${g.cancel("m")}`);
      try {
        yield* g;
      } catch (e) {
        log.push(`g cancelled "${(e as Error).message}" g.cancelled=${g.cancelled()}`);
      }
      expect(log).toEqual(["a start", "cancel=true", 'g cancelled "m" g.cancelled=false']);
      expect(a.cancelled()).toBe(true);
    }));

  it("cancel() returns false once every child is done, and the results still arrive", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const a = createTask(child(log, "a", 0));
      const g = gather(a);
      yield* sleep(0);
      log.push(`a.done=${a.done()} g.done=${g.done()} cancel=${g.cancel()}`);
      const r = yield* g;
      log.push(`r=${r}`);
      expect(log).toEqual(["a start", "a end", "a.done=true g.done=false cancel=false", "r=a"]);
    }));

  it("a cancelled gather raises CancelledError even if a child swallowed the cancellation", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const a = createTask(
        (function* () {
          try {
            yield* sleep(10_000);
          } catch {
            log.push("stubborn swallowed");
          }
          return "st";
        })(),
      );
      const g = gather(a, { returnExceptions: true });
      yield* sleep(0);
      g.cancel();
      try {
        yield* g;
        log.push("no error");
      } catch (e) {
        log.push(`g cancelled ${isCancelledError(e)}`);
      }
      expect(log).toEqual(["stubborn swallowed", "g cancelled true"]);
    }));
});

describe("gather: bad input", () => {
  it("rejects non-awaitables with a TypeError naming the position", () =>
    runVirtual(function* () {
      const t = createTask(value(1, 0));
      expect(() => gather(t, 42 as unknown as Operation<number>)).toThrow(
        /argument 2 \(aws\[1\]\)/,
      );
      expect(() => gather([t] as unknown as Operation<number>)).toThrow(
        /gatherAll\(tasks\), or spread it/,
      );
      expect(() => gather(Promise.resolve(1) as unknown as Operation<number>)).toThrow(
        /fromPromise/,
      );
      expect(() => gather(value as unknown as Operation<number>)).toThrow(
        /call the generator function/,
      );
      yield* t;
    }));

  it("rejects unknown options and a non-boolean returnExceptions", () =>
    runVirtual(function* () {
      expect(() => gather({ returnException: true } as never)).toThrow(/unknown option/);
      expect(() => gather({ returnExceptions: "yes" } as never)).toThrow(/must be a boolean/);
      yield* sleep(0);
    }));

  it("creates no task when a later argument is bad", () =>
    runVirtual(function* () {
      const before = getRunningLoop().allTasks().size;
      expect(() => gather(value(1, 0), null as never)).toThrow(TypeError);
      expect(getRunningLoop().allTasks().size).toBe(before);
    }));
});
