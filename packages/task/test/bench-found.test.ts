// Found while writing the benchmarks: the loop keeps its live tasks in a linked list threaded
// through the tasks (no Set, no identity hash per task); listings still come in creation order.
import { describe, expect, it } from "vitest";
import { allTasks, createTask, run, sleep } from "../src/index.js";

describe("the live-task registry (a linked list through the tasks)", () => {
  it("lists tasks in creation order and forgets each one when it finishes", () => {
    const log: string[] = [];
    return run(function* () {
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
