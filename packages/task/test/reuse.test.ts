import { RuntimeError } from "@corio/interfaces";
import { describe, expect, it } from "vitest";
import { allTasks, createTask, sleep } from "../src/index.js";
import { runVirtual } from "../src/testing.js";

// A generator runs under one task only (issue 15, defect 8).
describe("createTask refuses a generator that a task already drives", () => {
  function* work() {
    yield* sleep(10);
    return "done";
  }

  it("throws RuntimeError for a second task on the same generator, and the first still finishes", () =>
    runVirtual(function* () {
      const gen = work();
      const first = createTask(gen);
      expect(() => createTask(gen)).toThrow(RuntimeError);
      expect(() => createTask(gen)).toThrow(/cannot reuse already awaited coroutine/);
      expect(allTasks().size).toBe(2); // main and the first task: the refused one never registered
      expect(yield* first).toBe("done");
    }));

  it("throws for a generator whose task already finished", () =>
    runVirtual(function* () {
      const gen = work();
      yield* createTask(gen);
      expect(() => createTask(gen)).toThrow(/cannot reuse already awaited coroutine/);
    }));

  it("accepts a fresh generator from the same function", () =>
    runVirtual(function* () {
      const results = [yield* createTask(work()), yield* createTask(work())];
      expect(results).toEqual(["done", "done"]);
    }));
});
