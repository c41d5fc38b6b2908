import { CancelledError, RuntimeError } from "@corio/interfaces";
import { sleep } from "@corio/task";
import { expectOrder, runTraced } from "@corio/testkit";
import { describe, expect, it } from "vitest";
import { Condition, Lock } from "../src/index.js";
import { all, caught, spawn, turns } from "./helpers.js";

// Expected orders below are the logs of the same scenarios run on CPython 3.13's asyncio.
describe("Condition", () => {
  it("notify() wakes the first waiter, notifyAll() the rest", async () => {
    const { trace } = await runTraced(function* (t) {
      const cond = new Condition();
      const waiter = (n: string) =>
        spawn(() =>
          cond.withLock(function* () {
            yield* cond.wait();
            t.log(`${n} woke`);
          }),
        );
      const tasks = ["a", "b", "c"].map(waiter);
      yield* sleep(0);
      yield* cond.withLock(() => {
        cond.notify();
        t.log("notified 1");
      });
      yield* turns();
      yield* cond.withLock(() => {
        cond.notifyAll();
        t.log("notified all");
      });
      yield* all(tasks);
    });
    expectOrder(trace, ["notified 1", "a woke", "notified all", "b woke", "c woke"]);
  });

  it("a waiter notified and then cancelled hands the notification to the next waiter", async () => {
    const { trace } = await runTraced(function* (t) {
      const cond = new Condition();
      const waiter = (n: string) =>
        spawn(() =>
          cond.withLock(function* () {
            try {
              yield* cond.wait();
            } catch (e) {
              t.log(`${n} cancelled, locked=${cond.locked()}`);
              throw e;
            }
            t.log(`${n} woke`);
          }),
        );
      const a = waiter("a");
      const b = waiter("b");
      yield* sleep(0);
      yield* cond.withLock(() => {
        cond.notify(1);
        a.cancel();
      });
      yield* turns(5);
      t.log(`b done=${b.done()}`);
    });
    expectOrder(trace, ["a cancelled, locked=true", "b woke", "b done=true"]);
  });

  it("a cancelled wait() takes the lock back before the cancellation propagates", async () => {
    const { trace } = await runTraced(function* (t) {
      const cond = new Condition();
      const task = spawn(() =>
        cond.withLock(function* () {
          try {
            yield* cond.wait();
          } finally {
            t.log(`finally locked=${cond.locked()}`);
          }
        }),
      );
      yield* sleep(0);
      yield* cond.acquire();
      task.cancel();
      yield* turns();
      t.log(`task done=${task.done()}`); // still waiting for the lock we hold
      cond.release();
      yield* turns();
      t.log(`cancelled=${task.cancelled()} locked=${cond.locked()}`);
    });
    expectOrder(trace, ["task done=false", "finally locked=true", "cancelled=true locked=false"]);
  });

  it("waitFor() returns the predicate's value once it holds", async () => {
    const { result, elapsed } = await runTraced(function* () {
      const cond = new Condition();
      const items: string[] = [];
      const consumer = spawn(() =>
        cond.withLock(function* () {
          return yield* cond.waitFor(() => items.shift());
        }),
      );
      for (const item of ["x", "y"]) {
        yield* sleep(1000);
        yield* cond.withLock(() => {
          items.push(item);
          cond.notify();
        });
      }
      return [yield* consumer, items];
    });
    expect(result).toEqual(["x", ["y"]]);
    expect(elapsed).toBe(2000);
  });

  it("wait() and notify() without the lock throw RuntimeError", async () => {
    const { result } = await runTraced(function* () {
      const cond = new Condition();
      return yield* caught(() => cond.wait());
    });
    expect(result).toBeInstanceOf(RuntimeError);
    expect((result as Error).message).toBe("cannot wait on un-acquired lock");
    expect(() => new Condition().notify()).toThrow("cannot notify on un-acquired lock");
    expect(() => new Condition().notifyAll()).toThrow(RuntimeError);
  });

  it("shares a lock given to it", async () => {
    const { result } = await runTraced(function* () {
      const lock = new Lock();
      const cond = new Condition(lock);
      yield* lock.acquire();
      const locked = cond.locked();
      cond.release();
      return [locked, lock.locked()];
    });
    expect(result).toEqual([true, false]);
  });

  it("rejects a lock that is not lock-like and a predicate that is not a function", async () => {
    expect(() => new Condition({} as never)).toThrow(TypeError);
    const { result } = await runTraced(function* () {
      const cond = new Condition();
      yield* cond.acquire();
      try {
        return yield* caught(() => cond.waitFor(42 as never));
      } finally {
        cond.release();
      }
    });
    expect(result).toBeInstanceOf(TypeError);
  });

  it("reports its waiters through statistics()", async () => {
    await runTraced(function* () {
      const cond = new Condition();
      const w = spawn(() => cond.withLock(() => cond.wait()));
      yield* sleep(0);
      expect(cond.statistics()).toEqual({ locked: false, waiting: 1 });
      expect(String(cond)).toBe("<Condition [unlocked, waiters:1]>");
      w.cancel();
      expect(yield* caught(() => w as never)).toBeInstanceOf(CancelledError);
      expect(cond.statistics()).toEqual({ locked: false, waiting: 0 });
    });
  });
});
