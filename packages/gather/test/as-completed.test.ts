import { type Coroutine, getRunningLoop, TimeoutError } from "@corio/interfaces";
import { createTask, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { expectRaises } from "@corio/testkit";
import { describe, expect, expectTypeOf, it } from "vitest";
import { asCompleted } from "../src/index.js";

function* val<T>(v: T, ms: number, fail = false): Coroutine<T> {
  yield* sleep(ms);
  if (fail) throw new Error(String(v));
  return v;
}

describe("asCompleted", () => {
  it("gives results in completion order, errors thrown by their operation", () =>
    runVirtual(function* () {
      const out: string[] = [];
      for (const next of asCompleted([val("x", 3000), val("y", 1000), val("z", 2000, true)])) {
        expectTypeOf(next).toEqualTypeOf<Coroutine<string>>();
        try {
          out.push(yield* next);
        } catch (e) {
          out.push(`err ${(e as Error).message}`);
        }
      }
      expect(out).toEqual(["y", "err z", "x"]);
      expect(getRunningLoop().time()).toBe(3000);
    }));

  it("throws TimeoutError from the operations left when the timeout passes, without cancelling", () =>
    runVirtual(function* () {
      const loop = getRunningLoop();
      const out: string[] = [];
      const slow = createTask(val("s", 5000));
      for (const next of asCompleted([val("x", 1000), slow], { timeout: 2000 })) {
        try {
          out.push(yield* next);
        } catch (e) {
          // the log, compared whole below, fails the test if this is not reached
          expect(e).toBeInstanceOf(TimeoutError);
          out.push(`timeout t=${loop.time()}`);
        }
      }
      expect(out).toEqual(["x", "timeout t=2000"]);
      expect(slow.done()).toBe(false);
      expect(yield* slow).toBe("s");
    }));

  it("a timeout of 0 or less expires at once", () =>
    runVirtual(function* () {
      const slow = createTask(val("s", 10));
      const [next] = [...asCompleted([slow], { timeout: -5 })];
      yield* expectRaises(next!, TimeoutError);
      expect(getRunningLoop().time()).toBe(0);
      yield* slow;
    }));

  it("an empty iterable ends at once; duplicates count once", () =>
    runVirtual(function* () {
      expect([...asCompleted([])]).toEqual([]);
      const t = createTask(val(1, 5));
      const ops = [...asCompleted([t, t])];
      expect(ops).toHaveLength(1);
      expect(yield* ops[0]!).toBe(1);
    }));

  it("a cancelled wait passes its completion on to the next operation", () =>
    runVirtual(function* () {
      const ops = [...asCompleted([val("a", 10), val("b", 20)])];
      const first = createTask(ops[0] as Coroutine<string>);
      yield* sleep(5);
      first.cancel();
      expect(yield* ops[1]!).toBe("a");
    }));

  it("rejects bad input", () =>
    runVirtual(function* () {
      expect(() => asCompleted(3 as never)).toThrow(TypeError);
      expect(() => asCompleted([1] as never)).toThrow(/aws\[0\]/);
      expect(() => asCompleted([], { timeout: Number.NaN })).toThrow(RangeError);
      expect(() => asCompleted([], { timeout: "2" as never })).toThrow(TypeError);
      yield* sleep(0);
    }));
});
