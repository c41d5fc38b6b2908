// The audit of issue 15 (defect 7) for the sync primitives: a waiter woken for something it then
// fails to use must hand the wake-up on. In Lock, Semaphore and Event nothing user-supplied runs
// between the wake-up and its use; a Condition runs its lock's acquire(), which may throw.
import type { Coroutine } from "@corio/interfaces";
import { runVirtual } from "@corio/task/testing";
import { describe, expect, it } from "vitest";
import { Condition, Lock, type LockLike } from "../src/index.js";
import { spawn, turns } from "./helpers.js";

/** A lock whose acquire() fails once, on demand. */
class FlakyLock implements LockLike {
  readonly inner = new Lock();
  failNext = false;
  locked(): boolean {
    return this.inner.locked();
  }
  *acquire(): Coroutine<true> {
    if (this.failNext) {
      this.failNext = false;
      throw new RangeError("lock broke");
    }
    return yield* this.inner.acquire();
  }
  release(): void {
    this.inner.release();
  }
}

describe("a woken waiter that fails passes its wake-up on", () => {
  it("Condition: a notified waiter whose lock fails to re-acquire passes the notification on", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const lock = new FlakyLock();
      const cond = new Condition(lock);
      const waiter = (name: string) =>
        spawn(function* () {
          yield* cond.acquire();
          try {
            yield* cond.wait();
            log.push(`${name} notified`);
            cond.release();
          } catch (error) {
            log.push(`${name}: ${(error as Error).message}`);
          }
        });
      const first = waiter("first");
      const second = waiter("second");
      yield* turns();
      yield* cond.acquire();
      cond.notify(1);
      lock.failNext = true; // the first waiter's re-acquire will throw
      cond.release();
      yield* turns(5);
      expect(log).toEqual(["first: lock broke", "second notified"]);
      expect(first.done() && second.done()).toBe(true);
      expect(cond.statistics()).toEqual({ locked: false, waiting: 0 });
    }));
});
