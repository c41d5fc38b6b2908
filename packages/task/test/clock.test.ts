import { type Clock, getRunningLoop } from "@corio/interfaces";
import { describe, expect, it } from "vitest";
import { createTask, run, sleep } from "../src/index.js";

/** A frozen clock that jumps to the next timer after `threshold` real ms of idleness. */
function autojumpClock(threshold: number): Clock {
  let time = 0;
  return {
    now: () => time,
    deadlineToSleepTime: (deadline) => (deadline <= time ? 0 : Number.POSITIVE_INFINITY),
    autojumpDelay: () => threshold,
    jumpTo: (t) => {
      if (t > time) time = t;
    },
  };
}

describe("run() with a clock of your own", () => {
  it("sleeps jump by the clock's rule, in the usual order", async () => {
    const log: string[] = [];
    await run(
      function* () {
        const loop = getRunningLoop();
        const slow = createTask(
          (function* () {
            yield* sleep(2000);
            log.push(`slow at ${loop.time()}`);
          })(),
        );
        yield* sleep(1000);
        log.push(`main at ${loop.time()}`);
        yield* slow;
      },
      { clock: autojumpClock(1) },
    );
    expect(log).toEqual(["main at 1000", "slow at 2000"]);
  });
});
