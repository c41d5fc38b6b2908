import { createTask, sleep } from "@corio/task";
import { describe, expect, it } from "vitest";
import {
  diffLines,
  expectBefore,
  expectOrder,
  expectTimeline,
  formatTrace,
  runTraced,
} from "../src/index.js";

describe("runTraced", () => {
  it("records each event with its virtual time and task, and returns the result", async () => {
    const { result, trace, events, elapsed } = await runTraced(function* (t) {
      t.log("start");
      const child = createTask(
        (function* () {
          yield* sleep(500);
          t.log("child woke");
        })(),
        { name: "child" },
      );
      yield* sleep(1000);
      t.log("end");
      yield* child;
      return 42;
    });
    expect(result).toBe(42);
    expect(elapsed).toBe(1000);
    expect(events).toEqual(["start", "child woke", "end"]);
    expect(formatTrace(trace)).toBe(
      "t=0 [Task-1] start\nt=500 [child] child woke\nt=1000 [Task-1] end",
    );
  });

  it("records task lifecycle events with { tasks: true }", async () => {
    const { events } = await runTraced(
      function* () {
        function* nap(ms: number) {
          yield* sleep(ms);
        }
        const a = createTask(nap(10), { name: "a" });
        const b = createTask(nap(Infinity), { name: "b" });
        yield* a;
        b.cancel();
        yield* sleep(0);
      },
      { tasks: true },
    );
    expect(events).toEqual([
      "Task-1 created",
      "a created",
      "b created",
      "a done",
      "b cancelled",
      "Task-1 done",
    ]);
  });

  it("takes a minute of sleeps in no real time", async () => {
    const started = performance.now();
    const { elapsed } = await runTraced(function* () {
      for (let i = 0; i < 60; i++) yield* sleep(1000);
    });
    expect(elapsed).toBe(60_000);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("rejects with the coroutine's error", async () => {
    await expect(
      runTraced(function* () {
        yield* sleep(1);
        throw new Error("nope");
      }),
    ).rejects.toThrow("nope");
  });

  it("rejects a main that is not a function with a TypeError", async () => {
    await expect(runTraced(42 as never)).rejects.toThrow(TypeError);
  });
});

describe("order assertions", () => {
  it("expectOrder passes on the same events and shows a diff otherwise", () => {
    expectOrder(["a", "b", "c"], ["a", "b", "c"]);
    expect(() => expectOrder(["a", "c", "b"], ["a", "b", "c"])).toThrow(
      "event order differs (- expected, + actual):\n  a\n- b\n  c\n+ b",
    );
  });

  it("expectOrder reports missing and extra events", () => {
    expect(() => expectOrder(["a", "x"], ["a", "b", "c"])).toThrow(
      /\n {2}a\n\+ x\n- b\n- c|\n {2}a\n- b\n- c\n\+ x/,
    );
  });

  it("expectBefore checks the first occurrences", () => {
    expectBefore(["x", "a", "y", "b"], "a", "b");
    expect(() => expectBefore(["b", "a"], "a", "b")).toThrow('"b" came first');
    expect(() => expectBefore(["a"], "a", "b")).toThrow('never happened: "b"');
  });

  it("expectTimeline compares times and events", async () => {
    const { trace } = await runTraced(function* (t) {
      t.log("start");
      yield* sleep(1500);
      t.log("end");
    });
    expectTimeline(trace, ["0 start", "1500 end"]);
    expect(() => expectTimeline(trace, ["0 start", "1000 end"])).toThrow("- 1000 end\n+ 1500 end");
  });

  it("diffLines marks lines only in one side", () => {
    expect(diffLines(["a", "b"], ["a", "b"])).toBe("  a\n  b");
    expect(diffLines([], ["x"])).toBe("+ x");
  });

  it("rejects a trace that is not an array with a TypeError", () => {
    expect(() => expectOrder("abc" as never, [])).toThrow(TypeError);
  });
});
