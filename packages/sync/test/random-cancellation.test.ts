// Randomised runs with cancellations landing at every point, including between a waiter's wakeup
// and its resumption (timers on a coarse grid make those collisions frequent). Whatever happens,
// the primitive must keep its invariants and end up idle: never stuck, never over-committed.
// Checked against mutations: dropping Lock's wakeup on cancellation, Semaphore's unit return for
// a woken-then-cancelled waiter, or Condition's hand-over of a notification each fail some seeds.
import { isCancelledError, type TaskLike } from "@corio/interfaces";
import { sleep } from "@corio/task";
import { runTraced } from "@corio/testkit";
import { describe, expect, it } from "vitest";
import { BoundedSemaphore, Condition, Lock } from "../src/index.js";
import { spawn, turns } from "./helpers.js";

/** A small seeded PRNG (mulberry32), so a failing seed can be replayed. */
function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/**
 * Cancels `task` from another task's step at loop time `ms`. A task step (unlike a timer callback)
 * runs in the same iteration as the steps of tasks whose sleep ended at `ms`, so the cancellation
 * can land right after a release woke `task` and before `task` resumed.
 */
function cancelAt(ms: number, extraTurns: number, task: TaskLike<unknown>): void {
  spawn(function* () {
    yield* sleep(ms);
    // A few more iterations shift the cancellation across the wakeup/resume window.
    for (let i = 0; i < extraTurns; i++) yield* sleep(0);
    task.cancel();
  });
}

const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);

describe("random cancellations", () => {
  it.each(SEEDS)("Lock stays exclusive and ends free (seed %i)", async (seed) => {
    const r = rng(seed);
    const { result } = await runTraced(function* () {
      const lock = new Lock();
      let holders = 0;
      let maxHolders = 0;
      const tasks: TaskLike<void>[] = [];
      for (let i = 0; i < 8; i++) {
        const start = r(5) * 10;
        const hold = r(3) * 10;
        tasks.push(
          spawn(function* () {
            yield* sleep(start);
            yield* lock.acquire();
            holders++;
            maxHolders = Math.max(maxHolders, holders);
            try {
              yield* sleep(hold);
            } finally {
              holders--;
              lock.release();
            }
          }),
        );
        if (r(2) === 0) {
          const task = tasks[i]!;
          cancelAt(r(8) * 10, r(3), task);
        }
      }
      for (const t of tasks) {
        try {
          yield* t;
        } catch (e) {
          if (!isCancelledError(e)) throw e;
        }
      }
      yield* turns();
      return { maxHolders, stats: lock.statistics() };
    });
    expect(result.maxHolders).toBeLessThanOrEqual(1);
    expect(result.stats).toEqual({ locked: false, waiting: 0 });
  });

  it.each(SEEDS)(
    "BoundedSemaphore never over-commits and gets every unit back (seed %i)",
    async (seed) => {
      const r = rng(seed);
      const { result } = await runTraced(function* () {
        const sem = new BoundedSemaphore(2);
        let inside = 0;
        let maxInside = 0;
        const tasks: TaskLike<void>[] = [];
        for (let i = 0; i < 8; i++) {
          const start = r(2) * 10;
          const hold = (1 + r(2)) * 10;
          tasks.push(
            spawn(() =>
              sem.withPermit(function* () {
                inside++;
                maxInside = Math.max(maxInside, inside);
                try {
                  yield* sleep(hold);
                } finally {
                  inside--;
                }
              }),
            ),
          );
          if (r(2) === 0) {
            const task = tasks[i]!;
            cancelAt(r(5) * 10, r(3), task);
          }
          yield* sleep(start);
        }
        for (const t of tasks) {
          try {
            yield* t;
          } catch (e) {
            if (!isCancelledError(e)) throw e;
          }
        }
        yield* turns();
        return { maxInside, stats: sem.statistics() };
      });
      expect(result.maxInside).toBeLessThanOrEqual(2);
      expect(result.stats).toEqual({ value: 2, locked: false, waiting: 0, bound: 2 });
    },
  );

  it.each(SEEDS)("Condition loses no notification and ends unlocked (seed %i)", async (seed) => {
    const r = rng(seed);
    const { result } = await runTraced(function* () {
      const cond = new Condition();
      let available = 0;
      let consumed = 0;
      const consumers: TaskLike<void>[] = [];
      for (let i = 0; i < 6; i++) {
        consumers.push(
          spawn(() =>
            cond.withLock(function* () {
              yield* cond.waitFor(() => available > 0);
              available--;
              consumed++;
            }),
          ),
        );
        if (r(2) === 0) {
          const task = consumers[i]!;
          cancelAt(r(3) * 10, r(3), task);
        }
      }
      let produced = 0;
      let stuck = 0;
      for (let i = 0; i < 6; i++) {
        yield* sleep(r(2) * 10);
        yield* cond.withLock(() => {
          available++;
          produced++;
          cond.notify();
        });
        // Once things settle, an item on offer and a consumer still waiting means a lost notify.
        yield* turns(4);
        if (available > 0 && cond.statistics().waiting > 0) stuck++;
      }
      let cancelled = 0;
      for (const t of consumers) {
        try {
          yield* t;
        } catch (e) {
          if (!isCancelledError(e)) throw e;
          cancelled++;
        }
      }
      yield* turns();
      return { consumed, cancelled, available, produced, stuck, stats: cond.statistics() };
    });
    // Every consumer either consumed or was cancelled; items nobody took are still available.
    expect(result.stuck).toBe(0);
    expect(result.consumed + result.cancelled).toBe(6);
    expect(result.consumed + result.available).toBe(result.produced);
    expect(result.stats).toEqual({ locked: false, waiting: 0 });
  });
});
