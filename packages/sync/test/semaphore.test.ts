import { sleep } from "@corio/task";
import { expectOrder, expectRaises, expectTimeline, runTraced } from "@corio/testkit";
import { describe, expect, it } from "vitest";
import { BoundedSemaphore, Semaphore } from "../src/index.js";
import { all, spawn, turns } from "./helpers.js";

// Expected orders below are the logs of the same scenarios run on CPython 3.13's asyncio.
describe("Semaphore", () => {
  it("lets `value` tasks in at a time, first come first served", async () => {
    const { trace } = await runTraced(function* (t) {
      const sem = new Semaphore(2);
      const worker = (n: string, ms: number) =>
        spawn(() =>
          sem.withPermit(function* () {
            t.log(`${n} in`);
            yield* sleep(ms);
            t.log(`${n} out`);
          }),
        );
      yield* all([worker("a", 1000), worker("b", 2000), worker("c", 1000), worker("d", 1000)]);
    });
    expectTimeline(trace, [
      "0 a in",
      "0 b in",
      "1000 a out",
      "1000 c in",
      "2000 b out",
      "2000 c out",
      "2000 d in",
      "3000 d out",
    ]);
  });

  it("a waiter woken and cancelled before it resumes gives its unit to the next", async () => {
    const { trace } = await runTraced(function* (t) {
      const sem = new Semaphore(0);
      const waiter = (n: string) =>
        spawn(function* () {
          try {
            yield* sem.acquire();
          } catch (e) {
            t.log(`${n} cancelled`);
            throw e;
          }
          t.log(`${n} acquired`);
        });
      const b = waiter("b");
      waiter("c");
      yield* sleep(0);
      sem.release();
      b.cancel();
      yield* turns();
      const s = sem.statistics();
      t.log(`value=${s.value} locked=${s.locked}`);
    });
    expectOrder(trace, ["b cancelled", "c acquired", "value=0 locked=true"]);
  });

  it("a released unit goes to the queued waiter, not to a newcomer", async () => {
    const { trace } = await runTraced(function* (t) {
      const sem = new Semaphore(0);
      const waiter = (n: string) =>
        spawn(function* () {
          yield* sem.acquire();
          t.log(`${n} acquired`);
        });
      waiter("b");
      yield* sleep(0);
      sem.release();
      const s = sem.statistics();
      t.log(`after release value=${s.value} locked=${s.locked}`);
      const c = waiter("c");
      yield* turns();
      t.log(`c done=${c.done()}`);
      sem.release();
      yield* turns();
    });
    expectOrder(trace, [
      "after release value=0 locked=true",
      "b acquired",
      "c done=false",
      "c acquired",
    ]);
  });

  it("a cancelled waiter never woken leaves the count alone", async () => {
    const { result } = await runTraced(function* () {
      const sem = new Semaphore(1);
      yield* sem.acquire();
      const b = spawn(() => sem.acquire());
      yield* sleep(0);
      b.cancel();
      yield* sleep(0);
      sem.release();
      return sem.statistics();
    });
    expect(result).toEqual({ value: 1, locked: false, waiting: 0, bound: null });
  });

  it("withPermit() gives the unit back when the body throws", async () => {
    const { result } = await runTraced(function* () {
      const sem = new Semaphore(1);
      const err = yield* expectRaises(
        sem.withPermit(function* () {
          yield* sleep(5);
          throw new Error("boom");
        }),
        Error,
      );
      expect(err.message).toBe("boom");
      return sem.statistics().value;
    });
    expect(result).toBe(1);
  });

  it("rejects a bad initial value", () => {
    expect(() => new Semaphore(-1)).toThrow(RangeError);
    expect(() => new Semaphore(1.5)).toThrow("value must be an integer >= 0, got number 1.5");
    expect(() => new Semaphore("2" as never)).toThrow(TypeError);
    expect(new Semaphore().statistics()).toEqual({
      value: 1,
      locked: false,
      waiting: 0,
      bound: null,
    });
  });

  it("is locked when no unit is free, and describes itself", () => {
    const sem = new Semaphore(0);
    expect(sem.locked()).toBe(true);
    expect(String(sem)).toBe("<Semaphore [locked]>");
    sem.release();
    expect(String(sem)).toBe("<Semaphore [unlocked, value:1]>");
  });
});

describe("BoundedSemaphore", () => {
  it("throws RangeError when released more often than acquired, and changes nothing", async () => {
    const { result } = await runTraced(function* () {
      const sem = new BoundedSemaphore(2);
      yield* sem.acquire();
      sem.release();
      let error: unknown = null;
      try {
        sem.release();
      } catch (e) {
        error = e;
      }
      return { error, stats: sem.statistics() };
    });
    expect(result.error).toBeInstanceOf(RangeError);
    expect((result.error as Error).message).toBe(
      "BoundedSemaphore released too many times: value 2 is already at its bound 2",
    );
    expect(result.stats).toEqual({ value: 2, locked: false, waiting: 0, bound: 2 });
  });

  it("behaves as a semaphore within its bound", async () => {
    const { events } = await runTraced(function* (t) {
      const sem = new BoundedSemaphore(1);
      const w = (n: string) =>
        spawn(() =>
          sem.withPermit(function* () {
            t.log(`${n} in`);
            yield* sleep(10);
          }),
        );
      yield* all([w("a"), w("b")]);
    });
    expect(events).toEqual(["a in", "b in"]);
  });
});
