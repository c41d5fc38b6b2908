// Every function that accepts "something to wait on" shares one coercion (@corio/internal), so a
// bad argument gets the same TypeError wherever it is passed: named, saying what was expected,
// and hinting at the usual mistake.
import { runVirtual } from "@corio/task/testing";
import { describe, expect, it } from "vitest";
import {
  asCompleted,
  createTask,
  describeValue,
  gather,
  gatherAll,
  type Operation,
  run,
  shield,
  sleep,
  TaskGroup,
  waitFor,
} from "../src/index.js";

function* work(): Generator<never, number, unknown> {
  return 1;
}

const BAD: [string, unknown][] = [
  ["a Map", new Map()],
  ["a Set", new Set()],
  ["a number", 42],
  ["null", null],
  ["undefined", undefined],
  ["a string", "work"],
  ["a Date", new Date(0)],
  ["a promise", Promise.resolve(1)],
  ["an array", [1]],
  ["an uncalled generator function", work],
];

/** Each awaitable-taking API, with the argument name its error must start with. */
const AWAITABLE_APIS: [string, (aw: unknown) => unknown][] = [
  // A lone object that is not iterable is gather's options, so the bad value comes first here.
  ["gather(...aws): argument 1 (aws[0])", (aw) => gather(aw as Operation<unknown>, sleep(0))],
  ["gatherAll(aws): aws[0]", (aw) => gatherAll([aw as Operation<unknown>])],
  ["asCompleted(aws): aws[0]", (aw) => asCompleted([aw as Operation<unknown>])],
  ["shield(aw): aw", (aw) => shield(aw as Operation<unknown>)],
  ["waitFor(aw, ms): aw", (aw) => waitFor(aw as Operation<unknown>, 10)],
];

/** What the message says after the argument's name, whichever API threw it. */
function expected(value: unknown, callee: string): string {
  const hint = Array.isArray(value)
    ? " (to wait for an array of operations, pass the array to gatherAll(tasks), or spread it: gather(...tasks))"
    : typeof value === "function"
      ? ` (call the generator function: ${callee}(work()), not ${callee}(work))`
      : value instanceof Promise
        ? " (wrap a promise with fromPromise(promise))"
        : "";
  return `must be a coroutine, a future, a task or another operation, got ${describeValue(value)}${hint}`;
}

describe("a bad awaitable gets the same TypeError from every API", () => {
  for (const [where, call] of AWAITABLE_APIS) {
    it.each(BAD)(`${where.split("(")[0]}() rejects %s at once, naming the argument`, (_, value) =>
      runVirtual(function* () {
        const callee = where.slice(0, where.indexOf("("));
        expect(() => call(value)).toThrow(TypeError);
        expect(() => call(value)).toThrow(`${where} ${expected(value, callee)}`);
        yield* [];
      }),
    );
  }

  it("createTask(), TaskGroup.createTask() and run() word a non-coroutine the same way", async () => {
    await runVirtual(function* () {
      expect(() => createTask(new Map() as never)).toThrow(
        "createTask(coro): coro must be a generator object, got an object ([object Map])",
      );
      expect(() => createTask(work as never)).toThrow(
        "createTask(coro): coro must be a generator object, got function work (call the generator function: createTask(work()), not createTask(work))",
      );
      const group = new TaskGroup();
      yield* group.run(function* () {
        expect(() => group.createTask(new Map() as never)).toThrow(
          "TaskGroup.createTask(coro): coro must be a generator object, got an object ([object Map])",
        );
      });
    });
    expect(() => run(new Map() as never)).toThrow(
      "run(main): main must be a generator object or a generator function, got an object ([object Map])",
    );
  });
});
