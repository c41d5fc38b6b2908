// Found while writing the benchmarks: the loop keeps its live tasks in a linked list threaded
// through the tasks (no Set, no identity hash per task); listings still come in creation order.
// Under the virtual clock: with real time, a loaded machine can finish sleep-20 before main looks.
import { describe, expect, it } from "vitest";
import { allTasks, createTask, currentTask, sleep } from "../src/index.js";
import { runVirtual } from "../src/testing.js";

describe("the live-task registry (a linked list through the tasks)", () => {
  it("lists tasks in creation order and forgets each one when it finishes", () => {
    const log: string[] = [];
    return runVirtual(function* () {
      function* child(ms: number) {
        yield* sleep(ms);
      }
      const tasks = [30, 10, 20].map((ms) => createTask(child(ms), { name: `sleep-${ms}` }));
      log.push([...allTasks()].map((t) => t.getName()).join(","));
      yield* tasks[1]!;
      log.push([...allTasks()].map((t) => t.getName()).join(","));
      for (const t of tasks) yield* t;
      log.push([...allTasks()].map((t) => t.getName()).join(","));
    }).then(() =>
      expect(log).toEqual([
        "Task-1,sleep-30,sleep-10,sleep-20",
        "Task-1,sleep-30,sleep-20",
        "Task-1",
      ]),
    );
  });
});

describe("names and labels made on demand", () => {
  it("a default name keeps the number the task got at creation, asked for early or late", () =>
    runVirtual(function* () {
      function* nap() {
        yield* sleep(0);
      }
      const a = createTask(nap());
      const b = createTask(nap());
      expect(b.getName()).toBe("Task-3");
      yield* a;
      expect(a.getName()).toBe("Task-2");
      b.setName("renamed");
      expect(b.getName()).toBe("renamed");
    }));

  it("a sleep describes itself in listings, and its label can still be replaced", () =>
    runVirtual(function* () {
      const nap = sleep(500);
      function* napper() {
        yield* nap;
      }
      const t = createTask(napper(), { name: "napper" });
      yield* sleep(0);
      expect(currentTask()!.getLoop().formatTasks()).toContain("waiting on sleep(500)");
      (nap as unknown as { label: string }).label = "a nap";
      expect(currentTask()!.getLoop().formatTasks()).toContain("waiting on a nap");
      t.cancel();
    }));
});
