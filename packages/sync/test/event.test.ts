import { sleep } from "@corio/task";
import { expectOrder, runTraced } from "@corio/testkit";
import { describe, expect, it } from "vitest";
import { Event } from "../src/index.js";
import { all, spawn, turns } from "./helpers.js";

describe("Event", () => {
  it("wakes every waiter in order on set(), and clear() makes wait() block again", async () => {
    const { trace } = await runTraced(function* (t) {
      const ev = new Event();
      const waiter = (n: string) =>
        spawn(function* () {
          yield* ev.wait();
          t.log(`${n} woke`);
        });
      const tasks = ["a", "b", "c"].map(waiter);
      yield* sleep(0);
      ev.set();
      t.log("set");
      yield* all(tasks);
      yield* waiter("d");
      ev.clear();
      const e = waiter("e");
      yield* turns();
      t.log(`e done=${e.done()}`);
      ev.set();
      yield* e;
    });
    // Same order as CPython 3.13.
    expectOrder(trace, ["set", "a woke", "b woke", "c woke", "d woke", "e done=false", "e woke"]);
  });

  it("wait() returns true without suspending while the flag is set", async () => {
    const { result, elapsed } = await runTraced(function* () {
      const ev = new Event();
      ev.set();
      ev.set();
      return [yield* ev.wait(), ev.isSet()];
    });
    expect(result).toEqual([true, true]);
    expect(elapsed).toBe(0);
  });

  it("a cancelled waiter leaves no trace and the others still wake", async () => {
    const { result } = await runTraced(function* () {
      const ev = new Event();
      const a = spawn(() => ev.wait());
      const b = spawn(() => ev.wait());
      yield* sleep(0);
      a.cancel();
      yield* sleep(0);
      const during = ev.statistics();
      ev.set();
      return { during, b: yield* b, after: ev.statistics(), a: a.cancelled() };
    });
    expect(result).toEqual({
      during: { isSet: false, waiting: 1 },
      b: true,
      after: { isSet: true, waiting: 0 },
      a: true,
    });
  });

  it("describes itself", () => {
    const ev = new Event();
    expect(String(ev)).toBe("<Event [unset]>");
    ev.set();
    expect(String(ev)).toBe("<Event [set]>");
  });
});
