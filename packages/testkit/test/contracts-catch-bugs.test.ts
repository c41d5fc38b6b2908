// The event loop suite must fail loops broken on purpose. (The queue suite's own check lives with
// the queues, in packages/queue/test/contract.test.ts.)
import { EventLoop } from "@corio/loop";
import { describe, expect, it } from "vitest";
import { contractFailures, eventLoopContract, type SuiteApi } from "../src/index.js";

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

function loopSuite(Loop: typeof EventLoop) {
  return (api: SuiteApi) =>
    eventLoopContract(api, () => {
      const loop = new Loop({ clock: "manual" });
      return { loop, advance: (ms) => loop.advance(ms) };
    });
}

describe("the event loop suite catches broken loops", () => {
  it("passes on corio's loop, so every failure below is the mutation's", async () => {
    let registered = 0;
    loopSuite(EventLoop)({ describe: (_, body) => body(), it: () => void registered++ });
    expect(registered).toBeGreaterThan(15);
    expect(await contractFailures(loopSuite(EventLoop))).toEqual([]);
  });

  it("fails a loop whose callSoon is a zero-delay timer", async () => {
    expect(await contractFailures(loopSuite(SoonAsTimerLoop))).toEqual([
      "ordering > runs callbacks already ready before a timer that comes due in the same iteration",
    ]);
  });

  it("fails a loop that runs equal deadlines newest first", async () => {
    expect(await contractFailures(loopSuite(LifoTimersLoop))).toContain(
      "ordering > runs timers by deadline, and equal deadlines in scheduling order",
    );
  });

  it("contractFailures() rejects a register that is not a function", async () => {
    await expect(contractFailures(42 as never)).rejects.toThrow(TypeError);
  });
});
