// Behaviour found by the CPython conformance suite (conformance/).
import { CancelledError } from "@corio/interfaces";
import { describe, expect, it } from "vitest";
import { createTask, sleep } from "../src/index.js";
import { runVirtual } from "../src/testing.js";

describe("found by the conformance suite", () => {
  it("a task cancelled twice while waiting resumes with the first message, as asyncio", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const t = createTask(
        (function* () {
          try {
            yield* sleep(1000);
          } catch (e) {
            if (e instanceof CancelledError) log.push(`inside: ${e.message}`);
            throw e;
          }
        })(),
      );
      yield* sleep(100);
      t.cancel("first");
      t.cancel("second");
      try {
        yield* t;
      } catch (e) {
        if (e instanceof CancelledError) log.push(`awaiter: ${e.message}`);
      }
      expect(log).toEqual(["inside: first", "awaiter: first"]);
      expect(t.cancelling()).toBe(2);
    }));
});
