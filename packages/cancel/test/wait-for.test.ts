import { isCancelledError, TimeoutError } from "@corio/interfaces";
import { createTask, currentTask, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { expectRaises } from "@corio/testkit";
import { describe, expect, it } from "vitest";
import { waitFor } from "../src/index.js";
import { errorName, now, work } from "./helpers.js";

describe("waitFor", () => {
  it("on timeout cancels the inner, waits for its finally to finish, then throws TimeoutError", () =>
    runVirtual(function* () {
      const log: string[] = [];
      function* inner() {
        try {
          yield* sleep(5000);
        } finally {
          log.push(`inner finally start t=${now()}`);
          yield* sleep(300);
          log.push(`inner finally end t=${now()}`);
        }
      }
      yield* expectRaises(waitFor(inner(), 1000), TimeoutError);
      log.push(`timeout t=${now()}`);
      const tk = createTask(inner());
      try {
        yield* waitFor(tk, 1000);
      } catch (e) {
        log.push(`timeout2 ${errorName(e)} t=${now()} cancelled=${tk.cancelled()}`);
      }
      expect(log).toEqual([
        "inner finally start t=1000",
        "inner finally end t=1300",
        "timeout t=1300",
        "inner finally start t=2300",
        "inner finally end t=2600",
        "timeout2 TimeoutError t=2600 cancelled=true",
      ]);
      expect(currentTask()!.cancelling()).toBe(0);
    }));

  it("returns the value in time; null or undefined means no timeout", () =>
    runVirtual(function* () {
      const log: string[] = [];
      expect(yield* waitFor(work(log, "a", 500), 1000)).toBe("a");
      expect(yield* waitFor(work(log, "b", 100), null)).toBe("b");
      expect(yield* waitFor(sleep(50, "c"), undefined)).toBe("c");
      expect(now()).toBe(650);
    }));

  it("a timeout of 0 never starts a coroutine and throws TimeoutError", () =>
    runVirtual(function* () {
      let started = false;
      function* f() {
        started = true;
      }
      yield* expectRaises(waitFor(f(), 0), TimeoutError);
      expect(started).toBe(false);
      const done = createTask(work([], "d", 0));
      yield* sleep(1);
      expect(yield* waitFor(done, 0)).toBe("d");
    }));

  it("returns the value of an inner that swallows the cancellation", () =>
    runVirtual(function* () {
      function* stubborn() {
        try {
          yield* sleep(5000);
        } catch {
          return "kept";
        }
        return "late";
      }
      expect(yield* waitFor(stubborn(), 100)).toBe("kept");
    }));

  it("cancelling the waiter cancels the inner task too", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const inner = createTask(work(log, "a", 5000));
      const w = createTask(waitFor(inner, 10_000) as Generator<never, string, unknown>);
      yield* sleep(100);
      w.cancel();
      try {
        yield* w;
      } catch (e) {
        log.push(`w ${isCancelledError(e)}`);
      }
      expect(inner.cancelled()).toBe(true);
      expect(log).toEqual(["a start", "a cancelled", "a finally", "w true"]);
    }));

  it("passes the inner's error through", () =>
    runVirtual(function* () {
      const e = yield* expectRaises(waitFor(work([], "x", 10, true), 1000), Error);
      expect(e.message).toBe("x");
    }));

  it("rejects bad arguments", () =>
    runVirtual(function* () {
      expect(() => waitFor(42 as never, 10)).toThrow(/waitFor\(aw, ms\): aw/);
      expect(() => waitFor(sleep(1), Number.NaN)).toThrow(RangeError);
      expect(() => waitFor(sleep(1), "1" as never)).toThrow(TypeError);
      yield* sleep(0);
    }));
});
