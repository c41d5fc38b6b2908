import { EventLoop } from "@corio/loop";
import { describe, expect, it } from "vitest";
import { LifoQueue, Queue } from "../../queue/src/index.js";
import { eventLoopContract, queueContract } from "../src/index.js";
import { collect, failures } from "./collect.js";

/** callSoon implemented as a zero-delay timer: FIFO holds, but timers due now jump the queue. */
class SoonAsTimerLoop extends EventLoop {
  override callSoon(callback: () => void) {
    return super.callLater(0, callback);
  }
}

/** Timers with equal deadlines run newest first. */
class LifoTimersLoop extends EventLoop {
  private bump = 0;
  override callLater(delay: number, callback: () => void) {
    return super.callLater(delay - 1e-9 * ++this.bump, callback);
  }
}

describe("the event loop suite catches broken loops", () => {
  it("passes on corio's loop, so every failure below is the mutation's", async () => {
    const tests = collect((api) =>
      eventLoopContract(api, () => {
        const loop = new EventLoop({ clock: "manual" });
        return { loop, advance: (ms) => loop.advance(ms) };
      }),
    );
    expect(tests.length).toBeGreaterThan(15);
    expect(await failures(tests)).toEqual([]);
  });

  it("fails a loop whose callSoon is a zero-delay timer", async () => {
    const tests = collect((api) =>
      eventLoopContract(api, () => {
        const loop = new SoonAsTimerLoop({ clock: "manual" });
        return { loop, advance: (ms) => loop.advance(ms) };
      }),
    );
    expect(await failures(tests)).toEqual([
      "ordering > runs callbacks already ready before a timer that comes due in the same iteration",
    ]);
  });

  it("fails a loop that runs equal deadlines newest first", async () => {
    const tests = collect((api) =>
      eventLoopContract(api, () => {
        const loop = new LifoTimersLoop({ clock: "manual" });
        return { loop, advance: (ms) => loop.advance(ms) };
      }),
    );
    expect(await failures(tests)).toContain(
      "ordering > runs timers by deadline, and equal deadlines in scheduling order",
    );
  });
});

describe("the queue suite catches broken queues", () => {
  it("fails a LIFO queue that claims to be FIFO", async () => {
    const tests = collect((api) => queueContract(api, (maxsize) => new LifoQueue<number>(maxsize)));
    const failed = await failures(tests);
    expect(failed).toContain(
      "without waiting > getNowait() returns items in the order putNowait() added them",
    );
    expect(failed).toContain("waiting > put() waits while the queue is full (backpressure)");
  });

  it("fails a queue whose taskDone() never complains", async () => {
    class LaxQueue extends Queue<number> {
      override taskDone(): void {
        if (this.statistics().unfinishedTasks > 0) super.taskDone();
      }
    }
    const tests = collect((api) => queueContract(api, (maxsize) => new LaxQueue(maxsize)));
    expect(await failures(tests)).toEqual([
      "taskDone() and join() > taskDone() throws when called more times than items were put",
    ]);
  });
});
