import { CancelledError, getRunningLoop, RuntimeError, TimeoutError } from "@corio/interfaces";
import type { EventLoop } from "@corio/loop";
import { createTask, currentTask, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { expectRaises } from "@corio/testkit";
import { describe, expect, it } from "vitest";
import { type Timeout, timeout, timeoutAt } from "../src/index.js";
import { errorName, now, work } from "./helpers.js";

describe("timeout", () => {
  it("returns the block's value, or throws TimeoutError after cancelling the block", () =>
    runVirtual(function* () {
      const log: string[] = [];
      let scope!: Timeout;
      const v = yield* timeout(1000, function* (s) {
        scope = s;
        return yield* work(log, "a", 500);
      });
      log.push(`v=${v} expired=${scope.expired()}`);
      const e = yield* expectRaises(
        timeout(1000, function* (s) {
          scope = s;
          yield* work(log, "b", 2000);
        }),
        TimeoutError,
      );
      expect(e.cause).toBeInstanceOf(CancelledError);
      log.push(`timeout t=${now()} expired=${scope.expired()}`);
      expect(log).toEqual([
        "a start",
        "a end",
        "a finally",
        "v=a expired=false",
        "b start",
        "b cancelled",
        "b finally",
        "timeout t=1500 expired=true",
      ]);
      expect(currentTask()!.cancelling()).toBe(0);
    }));

  it("an inner timeout is caught inside the outer one, which goes on", () =>
    runVirtual(function* () {
      const log: string[] = [];
      let outer!: Timeout;
      let inner!: Timeout;
      yield* timeout(2000, function* (o) {
        outer = o;
        try {
          yield* timeout(1000, function* (i) {
            inner = i;
            yield* work(log, "a", 5000);
          });
        } catch (e) {
          log.push(`inner ${errorName(e)} t=${now()}`);
        }
        yield* work(log, "b", 500);
      });
      log.push(
        `outer.expired=${outer.expired()} inner.expired=${inner.expired()} cancelling=${currentTask()!.cancelling()}`,
      );
      expect(log).toEqual([
        "a start",
        "a cancelled",
        "a finally",
        "inner TimeoutError t=1000",
        "b start",
        "b end",
        "b finally",
        "outer.expired=false inner.expired=true cancelling=0",
      ]);
    }));

  it("when both expire together, only the outer scope throws TimeoutError", () =>
    runVirtual(function* () {
      const log: string[] = [];
      let outer!: Timeout;
      let inner!: Timeout;
      try {
        yield* timeout(1000, function* (o) {
          outer = o;
          try {
            yield* timeout(1000, function* (i) {
              inner = i;
              yield* work(log, "a", 5000);
            });
          } catch (e) {
            log.push(`inner raised ${errorName(e)}`);
            throw e;
          }
        });
      } catch (e) {
        log.push(
          `outer ${errorName(e)} t=${now()} outer.expired=${outer.expired()} inner.expired=${inner.expired()}`,
        );
      }
      expect(log).toEqual([
        "a start",
        "a cancelled",
        "a finally",
        "inner raised CancelledError",
        "outer TimeoutError t=1000 outer.expired=true inner.expired=true",
      ]);
    }));

  it("a cancellation from outside is never turned into a TimeoutError", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const tk = createTask(
        (function* () {
          try {
            yield* timeout(1000, () => work(log, "a", 5000));
          } catch (e) {
            if (e instanceof TimeoutError) log.push("timeout?!");
            throw e;
          }
        })(),
      );
      yield* sleep(500);
      tk.cancel("outer");
      try {
        yield* tk;
      } catch (e) {
        log.push(`task ${errorName(e)} "${(e as Error).message}" t=${now()}`);
      }
      expect(log).toEqual([
        "a start",
        "a cancelled",
        "a finally",
        'task CancelledError "outer" t=500',
      ]);
    }));

  it("an outer cancel arriving in the same iteration as the deadline still propagates", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const tk = createTask(
        (function* () {
          try {
            yield* timeout(1000, () => work(log, "a", 5000));
          } catch (e) {
            log.push(`inside ${errorName(e)}`);
            throw e;
          }
          log.push("after");
        })(),
      );
      yield* sleep(1000); // our wakeup and the deadline are due together; we run first
      tk.cancel();
      try {
        yield* tk;
      } catch (e) {
        log.push(`task ${errorName(e)}`);
      }
      expect(log).toEqual([
        "a start",
        "a cancelled",
        "a finally",
        "inside CancelledError",
        "task CancelledError",
      ]);
    }));

  it("reschedule() moves the deadline; when() tells it; null means none", () =>
    runVirtual(function* () {
      const log: string[] = [];
      try {
        yield* timeout(null, function* (s) {
          log.push(`when=${s.when()}`);
          s.reschedule(now() + 1000);
          yield* work(log, "a", 500);
          s.reschedule(s.when()! + 1000);
          try {
            yield* work(log, "b", 5000);
          } finally {
            log.push(`t=${now()}`);
          }
        });
      } catch (e) {
        log.push(`raised ${errorName(e)}`);
      }
      expect(log).toEqual([
        "when=null",
        "a start",
        "a end",
        "a finally",
        "b start",
        "b cancelled",
        "b finally",
        "t=2000",
        "raised TimeoutError",
      ]);
    }));

  it("reschedule() outside the active block is a RuntimeError", () =>
    runVirtual(function* () {
      let scope!: Timeout;
      yield* timeout(10, function* (s) {
        scope = s;
        expect(() => s.reschedule(Number.NaN)).toThrow(RangeError);
        expect(() => s.reschedule("1" as never)).toThrow(TypeError);
      });
      expect(() => scope.reschedule(5)).toThrow(RuntimeError);
    }));

  it("a deadline in the past expires on the next iteration; timeoutAt takes loop time", () =>
    runVirtual(function* () {
      const log: string[] = [];
      for (const op of [
        timeout(-5, () => work(log, "a", 10)),
        timeoutAt(now() - 1, () => work(log, "b", 10)),
        timeoutAt(now() + 20, () => work(log, "c", 30)),
      ]) {
        try {
          yield* op;
        } catch (e) {
          log.push(`${errorName(e)} t=${now()}`);
        }
      }
      expect(log).toEqual([
        "a start",
        "a cancelled",
        "a finally",
        "TimeoutError t=0",
        "b start",
        "b cancelled",
        "b finally",
        "TimeoutError t=0",
        "c start",
        "c cancelled",
        "c finally",
        "TimeoutError t=20",
      ]);
    }));

  it("a block that ends before its deadline leaves no timer behind", () =>
    runVirtual(function* () {
      const loop = getRunningLoop() as EventLoop;
      expect(yield* timeout(10_000, () => work([], "quick", 10))).toBe("quick");
      expect(loop.statistics().timers).toBe(0);
      yield* expectRaises(
        timeout(10_000, function* () {
          yield* sleep(5);
          throw new SyntaxError("early");
        }),
        SyntaxError,
      );
      expect(loop.statistics().timers).toBe(0);
    }));

  it("an error from the block passes through unchanged", () =>
    runVirtual(function* () {
      const e = yield* expectRaises(
        timeout(1000, function* () {
          yield* sleep(10);
          throw new SyntaxError("bad");
        }),
        SyntaxError,
      );
      expect(e.message).toBe("bad");
      expect(now()).toBe(10);
    }));

  it("scope.signal aborts with a TimeoutError when the deadline passes, and inner scopes follow", () =>
    runVirtual(function* () {
      const log: string[] = [];
      try {
        yield* timeout(100, function* (outer) {
          outer.signal.addEventListener("abort", () =>
            log.push(`outer aborted ${errorName(outer.signal.reason)} t=${now()}`),
          );
          yield* timeout(1000, function* (inner) {
            inner.signal.addEventListener("abort", () =>
              log.push(`inner aborted ${errorName(inner.signal.reason)}`),
            );
            yield* sleep(5000);
          });
        });
      } catch (e) {
        log.push(errorName(e));
      }
      expect(log).toEqual([
        "outer aborted TimeoutError t=100",
        "inner aborted TimeoutError",
        "TimeoutError",
      ]);
    }));

  it("scope.signal aborts when the task is cancelled from outside", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const tk = createTask(
        timeout(10_000, function* (scope) {
          scope.signal.addEventListener("abort", () =>
            log.push(`aborted "${(scope.signal.reason as Error).message}" t=${now()}`),
          );
          yield* sleep(1000);
        }),
      );
      yield* sleep(500);
      tk.cancel("from outside");
      try {
        yield* tk;
      } catch (e) {
        log.push(errorName(e));
      }
      expect(log).toEqual(['aborted "from outside" t=500', "CancelledError"]);
    }));

  it("an inner scope's deadline does not abort the outer scope's signal", () =>
    runVirtual(function* () {
      const log: string[] = [];
      yield* timeout(10_000, function* (outer) {
        try {
          yield* timeout(100, () => sleep(1000));
        } catch (e) {
          log.push(`inner ${errorName(e)} outer.aborted=${outer.signal.aborted}`);
        }
      });
      expect(log).toEqual(["inner TimeoutError outer.aborted=false"]);
    }));

  it("a scope that has exited no longer listens to the task", () =>
    runVirtual(function* () {
      let kept!: AbortSignal;
      const tk = createTask(
        (function* () {
          yield* timeout(1000, function* (s) {
            kept = s.signal;
          });
          yield* sleep(1000);
        })(),
      );
      yield* sleep(10);
      tk.cancel();
      try {
        yield* tk;
      } catch {}
      expect(tk.signal.aborted).toBe(true);
      expect(kept.aborted).toBe(false);
    }));

  it("rejects bad arguments", () =>
    runVirtual(function* () {
      expect(() => timeout(Number.NaN, function* () {})).toThrow(RangeError);
      expect(() => timeout("5" as never, function* () {})).toThrow(TypeError);
      expect(() => timeout(5, null as never)).toThrow(/body must be a function/);
      expect(() => timeoutAt({} as never, function* () {})).toThrow(TypeError);
      const e = yield* expectRaises(timeout(5, (() => 42) as never), TypeError);
      expect(e.message).toMatch(/must return an operation/);
    }));
});
