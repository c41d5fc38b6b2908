import { CancelledError, DeadlockError, type TaskLike } from "@corio/interfaces";
import { describe, expect, it } from "vitest";
import { createTask, sleep, type Task } from "../src/index.js";
import { runVirtual } from "../src/testing.js";

/** Two tasks that end up awaiting each other; `log` records how each one ends. */
function* makeCycle(log: string[]) {
  const tasks: { a?: Task<unknown>; b?: Task<unknown> } = {};
  function* side(name: string, other: () => TaskLike<unknown>) {
    yield* sleep(0);
    try {
      return yield* other();
    } catch (e) {
      log.push(`${name}: ${(e as Error).name}`);
      throw e;
    }
  }
  tasks.a = createTask(
    side("A", () => tasks.b!),
    { name: "A" },
  );
  tasks.b = createTask(
    side("B", () => tasks.a!),
    { name: "B" },
  );
  yield* sleep(0);
  yield* sleep(0);
  return { a: tasks.a, b: tasks.b };
}

describe("tasks awaiting each other", () => {
  it("a.cancel() cancels both, in order, without overflowing the stack", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const { a, b } = yield* makeCycle(log);
      expect(a.cancel()).toBe(true);
      expect(a.cancelling()).toBe(1);
      yield* sleep(0);
      yield* sleep(0);
      yield* sleep(0);
      expect(log).toEqual(["A: CancelledError", "B: CancelledError"]);
      expect(a.cancelled()).toBe(true);
      expect(b.cancelled()).toBe(true);
      expect(() => b.result()).toThrow(CancelledError);
    }));

  it("run() whose main waits on the cycle rejects with DeadlockError naming it, and shuts down cleanly", async () => {
    const log: string[] = [];
    const error = await runVirtual(function* () {
      const { a } = yield* makeCycle(log);
      yield* a;
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeadlockError);
    expect((error as Error).message).toMatch(/await cycle: A -> B -> A/);
    // Shutdown cancelled the cycle apart: both tasks ended, each at its own yield*.
    expect(log).toEqual(["A: CancelledError", "B: CancelledError"]);
  });
});
