import { CancelledError, getRunningLoop, RuntimeError } from "@corio/interfaces";
import { describe, expect, it } from "vitest";
import { createTask, sleep } from "../src/index.js";
import { runVirtual } from "../src/testing.js";

describe("cancel() with a message that is not a string", () => {
  for (const [label, value, text] of [
    ["an object", { reason: "shutdown" }, "[object Object]"],
    ["a number", 42, "42"],
    ["an object without toString", Object.create(null), "an object ([object Object])"],
  ] as const) {
    it(`accepts ${label}: the task ends cancelled, with its text as the message`, () =>
      runVirtual(function* () {
        const log: string[] = [];
        const t = createTask(
          (function* () {
            try {
              yield* sleep(1000);
            } catch (e) {
              log.push(`${(e as Error).name}: ${(e as Error).message}`);
              throw e;
            }
          })(),
        );
        yield* sleep(0);
        expect(t.cancel(value)).toBe(true);
        yield* sleep(0);
        expect(t.cancelled()).toBe(true);
        expect(log).toEqual([`CancelledError: ${text}`]);
        expect(() => t.result()).toThrow(CancelledError);
      }));
  }

  it("accepts it on a plain future too", () =>
    runVirtual(function* () {
      const fut = getRunningLoop().createFuture<number>();
      fut.cancel(7);
      expect(fut.cancelled()).toBe(true);
      expect(() => fut.result()).toThrow(/^7$/);
    }));
});

describe("one generator, two tasks", () => {
  it("createTask refuses a generator another task already drives, and the first task runs on unharmed", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const coro = (function* () {
        log.push("started");
        yield* sleep(10);
        log.push("finished");
        return "first";
      })();
      const first = createTask(coro);
      expect(() => createTask(coro)).toThrow(RuntimeError);
      expect(() => createTask(coro)).toThrow(/cannot reuse already awaited coroutine/);
      expect(yield* first).toBe("first");
      expect(log).toEqual(["started", "finished"]);
      expect(() => createTask(coro)).toThrow(/cannot reuse already awaited coroutine/);
    }));
});
