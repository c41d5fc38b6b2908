import { CancelledError, type Coroutine, getRunningLoop } from "@corio/interfaces";
import { createTask, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { expectRaises } from "@corio/testkit";
import { describe, expect, it } from "vitest";
import { ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, wait } from "../src/index.js";

function* val<T>(v: T, ms: number, fail = false): Coroutine<T> {
  yield* sleep(ms);
  if (fail) throw new Error(String(v));
  return v;
}

describe("wait", () => {
  it("returns done and pending as asyncio does for each returnWhen and timeout", () =>
    runVirtual(function* () {
      const loop = getRunningLoop();
      const log: string[] = [];
      const a = createTask(val("a", 3000));
      const b = createTask(val("b", 1000));
      const c = createTask(val("c", 2000, true));
      let r = yield* wait([a, b, c], { returnWhen: FIRST_COMPLETED });
      log.push(`first ${[...r.done].map((t) => t.result())} ${r.pending.size} t=${loop.time()}`);
      r = yield* wait([a, b, c], { returnWhen: FIRST_EXCEPTION });
      log.push(`exc ${r.done.size} ${r.pending.size} t=${loop.time()}`);
      r = yield* wait([a], { timeout: 500 });
      log.push(`timeout ${r.done.size} ${r.pending.size} t=${loop.time()}`);
      r = yield* wait([a], { timeout: -1000 });
      log.push(`neg ${r.done.size} ${r.pending.size} t=${loop.time()}`);
      r = yield* wait([a, b, c], { returnWhen: ALL_COMPLETED });
      log.push(`all ${r.done.size} ${r.pending.size} t=${loop.time()}`);
      expect(c.exception()).toBeInstanceOf(Error);
      expect(log).toEqual([
        "first b 2 t=1000",
        "exc 2 1 t=2000",
        "timeout 0 1 t=2500",
        "neg 0 1 t=2500",
        "all 3 0 t=3000",
      ]);
    }));

  it("takes as many loop iterations as asyncio for futures already done", () =>
    runVirtual(function* () {
      const a = createTask(val("a", 0));
      yield* a;
      const ticks: string[] = [];
      const tt = createTask(
        (function* () {
          for (let i = 0; i < 4; i++) {
            ticks.push(`tick${i}`);
            yield* sleep(0);
          }
        })(),
      );
      yield* sleep(0);
      ticks.push("wait start");
      yield* wait([a]);
      ticks.push("wait end");
      yield* tt;
      expect(ticks).toEqual(["tick0", "wait start", "tick1", "tick2", "wait end", "tick3"]);
    }));

  it("never cancels the pending futures, even when the waiter is cancelled", () =>
    runVirtual(function* () {
      const a = createTask(val("a", 5000));
      const w = createTask(wait([a]) as Coroutine<unknown>);
      yield* sleep(100);
      w.cancel();
      yield* expectRaises(w, CancelledError);
      expect(a.done()).toBe(false);
      expect(yield* a).toBe("a");
    }));

  it("counts duplicates once and a set works as input", () =>
    runVirtual(function* () {
      const a = createTask(val("a", 10));
      const r = yield* wait(new Set([a, a]));
      expect(r.done).toEqual(new Set([a]));
      expect(r.pending.size).toBe(0);
    }));

  it("rejects bad input with TypeError or RangeError", () =>
    runVirtual(function* () {
      const a = createTask(val("a", 0));
      expect(() => wait([a], { returnWhen: "FIRST_COMPLETE" as never })).toThrow(
        /"FIRST_COMPLETED", "FIRST_EXCEPTION" or "ALL_COMPLETED", got string "FIRST_COMPLETE"/,
      );
      expect(() => wait([])).toThrow(TypeError);
      expect(() => wait(a as never)).toThrow(/iterable/);
      expect(() => wait([val("x", 0)] as never)).toThrow(/aws\[0\] is a coroutine/);
      expect(() => wait([a, 3] as never)).toThrow(/aws\[1\] must be a future/);
      expect(() => wait([a], { timeout: "1" as never })).toThrow(TypeError);
      expect(() => wait([a], { timeout: Number.NaN })).toThrow(RangeError);
      yield* a;
    }));
});
