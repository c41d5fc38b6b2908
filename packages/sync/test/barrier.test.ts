import { sleep } from "@corio/task";
import { expectOrder, expectTimeline, runTraced } from "@corio/testkit";
import { describe, expect, it } from "vitest";
import { Barrier, BrokenBarrierError } from "../src/index.js";
import { all, caught, spawn, turns } from "./helpers.js";

// Expected orders below are the logs of the same scenarios run on CPython 3.13's asyncio.
describe("Barrier", () => {
  it("lets the parties through together, round after round, with arrival indexes", async () => {
    const { trace } = await runTraced(function* (t) {
      const barrier = new Barrier(3);
      const worker = (n: string, ms: number) =>
        spawn(function* () {
          for (let round = 0; round < 2; round++) {
            yield* sleep(ms);
            const index = yield* barrier.wait();
            t.log(`${n} round ${round} index ${index}`);
          }
        });
      yield* all([worker("a", 1000), worker("b", 2000), worker("c", 3000)]);
    });
    expectTimeline(trace, [
      "3000 c round 0 index 2",
      "3000 a round 0 index 0",
      "3000 b round 0 index 1",
      "6000 c round 1 index 2",
      "6000 a round 1 index 0",
      "6000 b round 1 index 1",
    ]);
  });

  function* party(t: { log(e: string): void }, barrier: Barrier, n: string) {
    try {
      const index = yield* barrier.wait();
      t.log(`${n} passed ${index}`);
    } catch (e) {
      if (!(e instanceof BrokenBarrierError)) throw e;
      t.log(`${n} broken: ${e.message}`);
    }
  }

  it("abort() breaks it for the waiters and later callers until reset()", async () => {
    const { trace } = await runTraced(function* (t) {
      const barrier = new Barrier(3);
      const a = spawn(() => party(t, barrier, "a"));
      const b = spawn(() => party(t, barrier, "b"));
      yield* sleep(0);
      t.log(`nWaiting=${barrier.nWaiting}`);
      yield* barrier.abort();
      yield* all([a, b]);
      t.log(`broken=${barrier.broken}`);
      yield* party(t, barrier, "c");
      yield* barrier.reset();
      t.log(`after reset broken=${barrier.broken}`);
      yield* all(["d", "e", "f"].map((n) => spawn(() => party(t, barrier, n))));
    });
    expectOrder(trace, [
      "nWaiting=2",
      "a broken: Abort or reset of barrier",
      "b broken: Abort or reset of barrier",
      "broken=true",
      "c broken: Barrier aborted",
      "after reset broken=false",
      "f passed 2",
      "d passed 0",
      "e passed 1",
    ]);
  });

  it("reset() fails the current waiters and the barrier fills again", async () => {
    const { trace } = await runTraced(function* (t) {
      const barrier = new Barrier(3);
      const a = spawn(() => party(t, barrier, "a"));
      const b = spawn(() => party(t, barrier, "b"));
      yield* sleep(0);
      yield* barrier.reset();
      t.log(`reset: broken=${barrier.broken} state=${barrier.statistics().state}`);
      yield* all([a, b]);
      yield* all(["d", "e", "f"].map((n) => spawn(() => party(t, barrier, n))));
    });
    expectOrder(trace, [
      "reset: broken=false state=resetting",
      "a broken: Abort or reset of barrier",
      "b broken: Abort or reset of barrier",
      "f passed 2",
      "d passed 0",
      "e passed 1",
    ]);
  });

  it("a cancelled waiter leaves the barrier usable", async () => {
    const { result } = await runTraced(function* () {
      const barrier = new Barrier(2);
      const a = spawn(() => barrier.wait());
      yield* sleep(0);
      const before = barrier.nWaiting;
      a.cancel();
      yield* turns();
      const after = barrier.nWaiting;
      const indexes = yield* all([spawn(() => barrier.wait()), spawn(() => barrier.wait())]);
      return { before, after, indexes, cancelled: a.cancelled() };
    });
    expect(result).toEqual({ before: 1, after: 0, indexes: [0, 1], cancelled: true });
  });

  it("BrokenBarrierError is a branded corio error", () => {
    const e = new BrokenBarrierError("x");
    expect(e.name).toBe("BrokenBarrierError");
    expect(e).toBeInstanceOf(Error);
    // A copy of the class from another bundle recognises it through the brand.
    const copy = { brand: "BrokenBarrierError" };
    expect(BrokenBarrierError[Symbol.hasInstance].call(copy, e)).toBe(true);
  });

  it("rejects a bad number of parties", () => {
    expect(() => new Barrier(0)).toThrow(RangeError);
    expect(() => new Barrier(2.5)).toThrow("parties must be an integer >= 1, got number 2.5");
    expect(() => new Barrier("3" as never)).toThrow(TypeError);
  });

  it("reports parties, waiters and state", async () => {
    await runTraced(function* () {
      const barrier = new Barrier(3);
      expect(barrier.parties).toBe(3);
      const waiter = spawn(() => barrier.wait());
      yield* sleep(0);
      expect(barrier.statistics()).toEqual({
        parties: 3,
        waiting: 1,
        state: "filling",
        broken: false,
      });
      expect(String(barrier)).toBe("<Barrier [filling, waiters:1/3]>");
      yield* barrier.abort();
      expect(String(barrier)).toBe("<Barrier [broken]>");
      expect(yield* caught(() => waiter as never)).toBeInstanceOf(BrokenBarrierError);
    });
  });
});
