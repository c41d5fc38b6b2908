import { CancelledError, getRunningLoop, RuntimeError } from "@corio/interfaces";
import { sleep } from "@corio/task";
import { expectOrder, runTraced } from "@corio/testkit";
import { describe, expect, it } from "vitest";
import { Lock } from "../src/index.js";
import { all, caught, spawn, turns } from "./helpers.js";

// Expected orders below are the logs of the same scenarios run on CPython 3.13's asyncio.
describe("Lock", () => {
  it("serves waiters first come, first served", async () => {
    const { trace } = await runTraced(function* (t) {
      const lock = new Lock();
      yield* lock.acquire();
      const tasks = ["a", "b", "c"].map((n) =>
        spawn(function* () {
          yield* lock.acquire();
          t.log(`${n} acquired`);
          yield* sleep(0);
          lock.release();
          t.log(`${n} released`);
        }),
      );
      yield* sleep(0);
      t.log("main releases");
      lock.release();
      yield* all(tasks);
    });
    expectOrder(trace, [
      "main releases",
      "a acquired",
      "a released",
      "b acquired",
      "b released",
      "c acquired",
      "c released",
    ]);
  });

  it("does not let a newcomer barge in ahead of a woken waiter", async () => {
    const { trace } = await runTraced(function* (t) {
      const lock = new Lock();
      yield* lock.acquire();
      const waiter = (n: string) =>
        spawn(function* () {
          yield* lock.acquire();
          t.log(`${n} acquired`);
          lock.release();
        });
      const b = waiter("b");
      yield* sleep(0);
      lock.release();
      const c = waiter("c");
      t.log(`after release locked=${lock.locked()}`);
      yield* all([b, c]);
    });
    expectOrder(trace, ["after release locked=false", "b acquired", "c acquired"]);
  });

  it("a waiter woken and cancelled before it resumes passes the lock on", async () => {
    const { trace } = await runTraced(function* (t) {
      const lock = new Lock();
      yield* lock.acquire();
      const waiter = (n: string) =>
        spawn(function* () {
          try {
            yield* lock.acquire();
          } catch (e) {
            t.log(`${n} cancelled`);
            throw e;
          }
          t.log(`${n} acquired`);
          lock.release();
        });
      const b = waiter("b");
      waiter("c");
      yield* sleep(0);
      lock.release(); // wakes b...
      b.cancel(); // ...which is cancelled before it runs
      yield* turns();
      const s = lock.statistics();
      t.log(`locked=${s.locked} waiting=${s.waiting}`);
    });
    expectOrder(trace, ["b cancelled", "c acquired", "locked=false waiting=0"]);
  });

  it("a cancelled waiter that was never woken leaves the lock usable", async () => {
    const { result } = await runTraced(function* () {
      const lock = new Lock();
      yield* lock.acquire();
      const b = spawn(() => lock.acquire());
      yield* sleep(0);
      b.cancel();
      yield* sleep(0);
      lock.release();
      yield* lock.acquire();
      return { cancelled: b.cancelled(), stats: lock.statistics() };
    });
    expect(result).toEqual({ cancelled: true, stats: { locked: true, waiting: 0 } });
  });

  it("a newcomer takes the lock at once when every queued waiter is cancelled", async () => {
    const { events } = await runTraced(function* (t) {
      const lock = new Lock();
      yield* lock.acquire();
      const b = spawn(() => lock.acquire());
      yield* sleep(0);
      b.cancel();
      lock.release();
      yield* lock.acquire(); // does not wait: b's waiter is cancelled
      t.log(`d acquired at once, waiting=${lock.statistics().waiting}`);
      yield* turns();
      t.log(`b cancelled=${b.cancelled()} locked=${lock.locked()}`);
    });
    expect(events).toEqual(["d acquired at once, waiting=1", "b cancelled=true locked=true"]);
  });

  it("acquire() returns true and waits for the holder's release 5 s later", async () => {
    const { result, elapsed } = await runTraced(function* () {
      const lock = new Lock();
      yield* lock.acquire();
      getRunningLoop().callLater(5000, () => lock.release());
      return yield* lock.acquire();
    });
    expect(result).toBe(true);
    expect(elapsed).toBe(5000);
  });

  it("withLock() holds the lock around the body and releases it when the body throws", async () => {
    const { result } = await runTraced(function* () {
      const lock = new Lock();
      const inside = yield* lock.withLock(function* () {
        yield* sleep(10);
        return lock.locked();
      });
      const error = yield* caught(() =>
        lock.withLock(function* () {
          yield* sleep(10);
          throw new Error("body failed");
        }),
      );
      return { inside, after: lock.locked(), error: (error as Error).message };
    });
    expect(result).toEqual({ inside: true, after: false, error: "body failed" });
  });

  it("withLock() cancelled while waiting does not release a lock it never took", async () => {
    const { result } = await runTraced(function* () {
      const lock = new Lock();
      yield* lock.acquire();
      const t = spawn(() => lock.withLock(() => sleep(10)));
      yield* sleep(0);
      t.cancel();
      yield* sleep(0);
      return { cancelled: t.cancelled(), locked: lock.locked() };
    });
    expect(result).toEqual({ cancelled: true, locked: true });
  });

  it("withLock() also takes a plain function and returns its value", async () => {
    const { result } = await runTraced(function* () {
      const lock = new Lock();
      let n = 0;
      const v = yield* lock.withLock(() => {
        n += 1;
        return lock.locked();
      });
      return [v, n, lock.locked()];
    });
    expect(result).toEqual([true, 1, false]);
  });

  it("release() of an unlocked lock throws RuntimeError", () => {
    expect(() => new Lock().release()).toThrow(RuntimeError);
    expect(() => new Lock().release()).toThrow("Lock is not acquired.");
  });

  it("withLock() rejects a body that is not a function", async () => {
    await expect(
      runTraced(function* () {
        yield* new Lock().withLock(42 as never);
      }),
    ).rejects.toThrow(TypeError);
  });

  it("a lock used from a second event loop throws RuntimeError", async () => {
    const lock = new Lock();
    await runTraced(function* () {
      yield* lock.acquire();
      const t = spawn(() => lock.acquire());
      yield* sleep(0);
      t.cancel();
      yield* sleep(0);
    });
    await expect(
      runTraced(function* () {
        yield* lock.acquire();
      }),
    ).rejects.toThrow(/different event loop/);
  });

  it("reports its state through statistics() and toString()", async () => {
    await runTraced(function* () {
      const lock = new Lock();
      expect(lock.statistics()).toEqual({ locked: false, waiting: 0 });
      yield* lock.acquire();
      spawn(() => lock.acquire());
      spawn(() => lock.acquire());
      yield* sleep(0);
      expect(lock.statistics()).toEqual({ locked: true, waiting: 2 });
      expect(String(lock)).toBe("<Lock [locked, waiters:2]>");
    });
  });

  it("a task cancelled while holding the lock in withLock() releases it", async () => {
    const { result } = await runTraced(function* () {
      const lock = new Lock();
      const t = spawn(() => lock.withLock(() => sleep(1000)));
      yield* sleep(10);
      const lockedWhileSleeping = lock.locked();
      t.cancel();
      const error = yield* caught(() => t as never);
      return {
        lockedWhileSleeping,
        locked: lock.locked(),
        cancelled: error instanceof CancelledError,
      };
    });
    expect(result).toEqual({ lockedWhileSleeping: true, locked: false, cancelled: true });
  });
});
