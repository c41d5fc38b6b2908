// Event.set() called while another event loop runs (issue 15, defect 9). Two run()s can be alive
// at once in one process; waking the first loop's waiters from the second cannot work (the first
// loop may already have found itself deadlocked), so set() refuses with the RuntimeError every
// primitive uses for "used from two event loops".
import { RuntimeError } from "@corio/interfaces";
import { createTask, fromPromise, run, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { describe, expect, it } from "vitest";
import { Event } from "../src/index.js";

describe("Event used from two running loops", () => {
  it("set() from another running loop throws RuntimeError and wakes nobody", async () => {
    const ev = new Event();
    // The two loops take turns through promises, not through timers, so no machine load can
    // reorder them: the waiter is parked before set() is called, and checked after it threw.
    let parked!: () => void;
    const waiterParked = new Promise<void>((resolve) => (parked = resolve));
    let secondDone!: () => void;
    const secondSettled = new Promise<void>((resolve) => (secondDone = resolve));
    const first = run(function* () {
      const waiter = createTask(ev.wait());
      yield* sleep(0);
      parked();
      yield* fromPromise(secondSettled);
      const woken = waiter.done();
      waiter.cancel();
      return woken ? "woken" : "not woken";
    });
    const second = run(function* () {
      yield* fromPromise(waiterParked);
      ev.set();
      return "set";
    });
    second.then(secondDone, secondDone);
    const [a, b] = await Promise.allSettled([first, second]);
    expect(b.status).toBe("rejected");
    const error = (b as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(RuntimeError);
    expect((error as Error).message).toMatch(
      /^<Event \[unset, waiters:1\]> is bound to a different event loop$/,
    );
    expect(a).toEqual({ status: "fulfilled", value: "not woken" });
    expect(ev.isSet()).toBe(false);
  });

  it("set() outside any running loop, or from the loop it belongs to, still works", async () => {
    const ev = new Event();
    await runVirtual(function* () {
      createTask(ev.wait());
      yield* sleep(0);
      ev.set();
      yield* sleep(0);
      expect(ev.statistics()).toEqual({ isSet: true, waiting: 0 });
    });
    ev.clear();
    ev.set(); // no loop running: a host callback may set an event
    expect(ev.isSet()).toBe(true);
  });
});
