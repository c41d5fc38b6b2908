import { EventLoop } from "@corio/loop";
import { describe, expect, it } from "vitest";
import { eventLoopContract } from "../src/index.js";
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
