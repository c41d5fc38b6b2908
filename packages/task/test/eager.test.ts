import { CancelledError, getRunningLoop } from "@corio/interfaces";
import { describe, expect, it } from "vitest";
import { createTask, currentTask, eagerTaskFactory, sleep, Task } from "../src/index.js";
import { manualLoop, runVirtual } from "../src/testing.js";

describe("eager start", () => {
  it("runs the coroutine inside createTask up to its first suspension, then the creator goes on", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const t = createTask(
        (function* () {
          log.push(`child start, current ${currentTask()!.getName()}`);
          yield* sleep(10);
          log.push(`child end at ${getRunningLoop().time()}`);
        })(),
        { name: "child", eagerStart: true },
      );
      log.push(`created, done ${t.done()}, current ${currentTask()!.getName()}`);
      yield* t;
      log.push("awaited");
      expect(log).toEqual([
        "child start, current child",
        "created, done false, current Task-1",
        "child end at 10",
        "awaited",
      ]);
    }));

  it("leaves a task that never suspends done on return, off allTasks, with its done callbacks scheduled", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const loop = getRunningLoop();
      const t = createTask(
        (function* () {
          log.push("body");
          return 7;
        })(),
        { eagerStart: true },
      );
      log.push(`done ${t.done()} result ${t.result()} live ${loop.allTasks().has(t)}`);
      t.addDoneCallback(() => log.push("done callback"));
      log.push("after addDoneCallback");
      yield* sleep(0);
      log.push("after one iteration");
      expect(log).toEqual([
        "body",
        "done true result 7 live false",
        "after addDoneCallback",
        "done callback",
        "after one iteration",
      ]);
    }));

  it("lets the coroutine go when the task finished eagerly (getCoro() is null), as asyncio 3.12+", () =>
    runVirtual(function* () {
      const quick = createTask(
        (function* () {
          return 1;
        })(),
        { eagerStart: true },
      );
      const slowCoro = (function* () {
        yield* sleep(0);
        return 2;
      })();
      const slow = createTask(slowCoro, { eagerStart: true });
      expect([quick.done(), quick.getCoro()]).toEqual([true, null]);
      expect(slow.done()).toBe(false);
      expect(slow.getCoro()).toBe(slowCoro); // (toEqual would iterate the generator)
      expect(yield* slow).toBe(2);
      expect(slow.getCoro()).toBe(slowCoro); // a task that waited keeps it, as asyncio's does
      expect(quick.result()).toBe(1);
    }));

  it("keeps an error or a cancellation of the first step in the task; createTask does not throw", () =>
    runVirtual(function* () {
      const failed = createTask(
        (function* (): Generator<never, void> {
          throw new RangeError("first step failed");
        })(),
        { eagerStart: true },
      );
      expect(failed.done()).toBe(true);
      expect(failed.exception()).toBeInstanceOf(RangeError);
      const cancelledInside = createTask(
        (function* (): Generator<never, void> {
          throw new CancelledError("gave up");
        })(),
        { eagerStart: true },
      );
      expect(cancelledInside.cancelled()).toBe(true);
      expect(() => cancelledInside.result()).toThrow(CancelledError);
    }));

  it("is cancelled like any task once it has suspended", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const t = createTask(
        (function* () {
          try {
            yield* sleep(1000);
          } finally {
            log.push(`finally at ${getRunningLoop().time()}`);
          }
        })(),
        { eagerStart: true },
      );
      yield* sleep(5);
      t.cancel();
      yield* sleep(0);
      expect(t.cancelled()).toBe(true);
      expect(log).toEqual(["finally at 5"]);
    }));

  it("starts lazily when the loop is not running (a task made before the loop runs)", () => {
    const loop = manualLoop();
    try {
      const log: string[] = [];
      const t = new Task(
        (function* () {
          log.push("ran");
        })(),
        loop,
        { eagerStart: true },
      );
      expect(log).toEqual([]);
      loop.advance(0);
      expect(log).toEqual(["ran"]);
      expect(t.done()).toBe(true);
    } finally {
      loop.close();
    }
  });

  it("rejects an eagerStart that is not a boolean, naming the option", () =>
    runVirtual(function* () {
      expect(() => createTask((function* () {})(), { eagerStart: "yes" as never })).toThrow(
        /options\.eagerStart must be a boolean, got/,
      );
    }));
});

describe("eagerTaskFactory", () => {
  it("changes the seed's twelve-step order: each task starts inside createTask", () =>
    runVirtual(
      function* () {
        const log: string[] = [];
        const at = () => getRunningLoop().time();
        function* work(name: string, ms: number) {
          log.push(`${at()} ${name} start`);
          yield* sleep(ms);
          log.push(`${at()} ${name} end`);
        }
        const t1 = createTask(work("work_1", 1000));
        const t2 = createTask(work("work_2", 2000));
        log.push(`${at()} before await`);
        yield* t1;
        log.push(`${at()} awaited work_1`);
        yield* t2;
        log.push(`${at()} awaited work_2`);
        expect(log).toEqual([
          "0 work_1 start",
          "0 work_2 start",
          "0 before await",
          "1000 work_1 end",
          "1000 awaited work_1",
          "2000 work_2 end",
          "2000 awaited work_2",
        ]);
      },
      { taskFactory: eagerTaskFactory },
    ));

  it("leaves a task lazy when createTask passes eagerStart: false", () =>
    runVirtual(
      function* () {
        const log: string[] = [];
        createTask(
          (function* () {
            log.push("lazy child runs");
          })(),
          { eagerStart: false },
        );
        log.push("after createTask");
        yield* sleep(0);
        expect(log).toEqual(["after createTask", "lazy child runs"]);
      },
      { taskFactory: eagerTaskFactory },
    ));

  it("runs nested eager steps depth first, each with its own current task, restored after", () =>
    runVirtual(function* () {
      getRunningLoop().setTaskFactory(eagerTaskFactory);
      const log: string[] = [];
      const name = () => currentTask()!.getName();
      function* leaf() {
        log.push(`leaf in ${name()}`);
        yield* sleep(0);
        log.push(`leaf resumed in ${name()}`);
      }
      function* mid() {
        log.push(`mid in ${name()}`);
        createTask(leaf(), { name: "leaf" });
        log.push(`mid after leaf, in ${name()}`);
      }
      createTask(mid(), { name: "mid" });
      log.push(`main in ${name()}`);
      yield* sleep(0);
      expect(log).toEqual([
        "mid in mid",
        "leaf in leaf",
        "mid after leaf, in mid",
        "main in Task-1",
        "leaf resumed in leaf",
      ]);
    }));

  it("is rejected by run() when taskFactory is not a function", () => {
    expect(() => runVirtual(function* () {}, { taskFactory: 1 as never })).toThrow(
      /options\.taskFactory must be a function, got/,
    );
  });
});
