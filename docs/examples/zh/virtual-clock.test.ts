import { DeadlockError, getRunningLoop, run } from "corio";
import { describe, expect, it } from "vitest";
import { pollUntil } from "./virtual-clock.ts";

describe("pollUntil", () => {
  it("checks once and returns at once when the answer is already yes", () =>
    run(
      function* () {
        expect(yield* pollUntil(() => true, 60_000)).toBe(1);
        expect(getRunningLoop().time()).toBe(0);
      },
      { clock: "virtual" },
    ));

  it("waits a full interval between checks, a day of loop time in no real time", () =>
    run(
      function* () {
        const loop = getRunningLoop();
        const seen: number[] = [];
        const check = () => {
          seen.push(loop.time());
          return seen.length === 25;
        };
        expect(yield* pollUntil(check, 3_600_000)).toBe(25);
        expect(seen.slice(0, 3)).toEqual([0, 3_600_000, 7_200_000]);
        expect(loop.time()).toBe(24 * 3_600_000);
      },
      { clock: "virtual" },
    ));

  it("a wait that nothing can ever end fails with DeadlockError instead of hanging", async () => {
    const neverAnswers = run(
      function* () {
        // 一个永远没人完成的 Future：测试忘了启动服务器。
        yield* getRunningLoop().createFuture<void>("server start");
      },
      { clock: "virtual" },
    );
    await expect(neverAnswers).rejects.toBeInstanceOf(DeadlockError);
  });
});
