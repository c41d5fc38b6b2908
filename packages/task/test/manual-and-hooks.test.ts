import { describe, expect, it } from "vitest";
import { sleep } from "../src/index.js";
import { manualLoop, runVirtual } from "../src/testing.js";

describe("a manual loop", () => {
  it("lets a test advance time by hand, one step at a time", () => {
    const loop = manualLoop();
    const log: string[] = [];
    const t = loop.createTask(
      (function* () {
        log.push(`start at ${loop.time()}`);
        yield* sleep(1000);
        log.push(`woke at ${loop.time()}`);
        return "done";
      })(),
    );
    expect(log).toEqual([]);
    loop.advance(0);
    expect(log).toEqual(["start at 0"]);
    loop.advance(999);
    expect(log).toEqual(["start at 0"]);
    loop.advance(1);
    expect(log).toEqual(["start at 0", "woke at 1000"]);
    expect(t.result()).toBe("done");
    loop.close();
  });
});

describe("instrumentation hooks", () => {
  it("see a task's life in order: created, steps, suspensions, cancel request, done", async () => {
    const events: string[] = [];
    await runVirtual(
      function* () {
        yield* sleep(0);
      },
      {
        setup(loop) {
          loop.addInstrument({
            taskCreated: (t) => events.push(`created ${t.getName()}`),
            stepStarted: (t) => events.push(`step ${t.getName()} at ${loop.time()}`),
            taskSuspended: (t, on) =>
              events.push(`${t.getName()} waits on ${on === null ? "next iteration" : on.label}`),
            stepEnded: (t) => events.push(`end ${t.getName()}`),
            cancelRequested: (t, msg) => events.push(`cancel ${t.getName()} (${msg})`),
            taskDone: (t) => events.push(`done ${t.getName()} cancelled=${t.cancelled()}`),
          });
        },
      },
    );
    expect(events).toEqual([
      "created Task-1",
      "step Task-1 at 0",
      "Task-1 waits on next iteration",
      "end Task-1",
      "step Task-1 at 0",
      "done Task-1 cancelled=false",
      "end Task-1",
    ]);
  });

  it("report sleeps with their label and cancellation requests", async () => {
    const events: string[] = [];
    await runVirtual(
      function* () {
        yield* sleep(250);
      },
      {
        setup(loop) {
          loop.addInstrument({
            taskSuspended: (t, on) =>
              on !== null && events.push(`${t.getName()} waits on ${on.label} at ${loop.time()}`),
            taskDone: (t) => events.push(`done ${t.getName()} at ${loop.time()}`),
          });
        },
      },
    );
    expect(events).toEqual(["Task-1 waits on sleep(250) at 0", "done Task-1 at 250"]);
  });
});
