import { DeadlockError } from "@corio/interfaces";
import { describe, expect, it } from "vitest";
import { createTask, run, sleep, type Task } from "../src/index.js";
import { runVirtual } from "../src/testing.js";

// Task A waits on B while B waits on A (issue 15, defect 3).
function cycle(log: string[]): { a: Task<unknown>; b: Task<unknown> } {
  const tasks = {} as { a: Task<unknown>; b: Task<unknown> };
  const waitOn = (name: string, other: () => Task<unknown>) =>
    function* () {
      try {
        yield* sleep(0);
        return yield* other();
      } finally {
        log.push(`${name} finally`);
      }
    };
  tasks.a = createTask(waitOn("a", () => tasks.b)(), { name: "a" });
  tasks.b = createTask(waitOn("b", () => tasks.a)(), { name: "b" });
  return tasks;
}

describe("an await cycle", () => {
  it("cancel() on a task in the cycle returns, and both tasks end cancelled", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const { a, b } = cycle(log);
      yield* sleep(0);
      yield* sleep(0);
      expect(a.cancel()).toBe(true);
      yield* sleep(0);
      yield* sleep(0);
      expect([a.cancelled(), b.cancelled()]).toEqual([true, true]);
      expect(log).toEqual(["a finally", "b finally"]);
      expect(a.cancelling()).toBe(1);
    }));

  it("run() rejects with DeadlockError naming the cycle, and every finally runs", async () => {
    const log: string[] = [];
    const outcome = run(
      function* () {
        const { a } = cycle(log);
        yield* a;
      },
      { clock: "virtual" },
    );
    await expect(outcome).rejects.toThrow(DeadlockError);
    await expect(outcome).rejects.toThrow(/await cycle: "a" → "b" → "a"/);
    expect(log.sort()).toEqual(["a finally", "b finally"]);
  });
});
