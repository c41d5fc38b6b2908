import { CancelledError, getRunningLoop } from "@corio/interfaces";
import { describe, expect, it } from "vitest";
import { createTask, sleep } from "../src/index.js";
import { runVirtual } from "../src/testing.js";

// asyncio keeps whatever message it is given; a message that is not a string must not turn the
// cancellation into a failure (issue 15, defect 5).
describe("cancel() with a message that is not a string", () => {
  const message = { reason: "shutdown" } as unknown as string;
  function* parked(log: string[]) {
    try {
      yield* sleep(1000);
    } finally {
      log.push("finally");
    }
  }

  it("ends a task parked on a sleep cancelled, its finally run", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const t = createTask(parked(log));
      yield* sleep(0);
      t.cancel(message);
      yield* sleep(0);
      expect(t.cancelled()).toBe(true);
      expect(log).toEqual(["finally"]);
      expect(() => t.result()).toThrow(CancelledError);
    }));

  it("ends a task cancelled before its first step cancelled", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const t = createTask(parked(log));
      t.cancel(message);
      yield* sleep(0);
      expect(t.cancelled()).toBe(true);
      expect(log).toEqual([]); // cancelled before its first step: the body never ran
      expect(() => t.result()).toThrow(CancelledError);
    }));

  it("cancels a plain future with an object message", () =>
    runVirtual(function* () {
      const fut = getRunningLoop().createFuture<void>();
      fut.cancel(message);
      expect(fut.cancelled()).toBe(true);
      expect(() => fut.result()).toThrow(CancelledError);
      expect(() => fut.exception()).toThrow(CancelledError);
    }));
});
