import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  DeadlockError,
  type ExceptionContext,
  getRunningLoop,
  RuntimeError,
  type TaskLike,
} from "@corio/interfaces";
import { describe, expect, it } from "vitest";
import { createTask, fromPromise, run, sleep } from "../src/index.js";
import { MAX_SHUTDOWN_ROUNDS } from "../src/shutdown.js";
import { runVirtual } from "../src/testing.js";

const fixture = join(dirname(fileURLToPath(import.meta.url)), "fixtures", "never-settles.ts");

function runFixture(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", fixture, ...args], {
    encoding: "utf8",
    timeout: 20_000,
  });
}

describe("a run() the host can no longer wake", () => {
  it("rejects with DeadlockError naming the task and its outside wait when the host is about to exit", async () => {
    const pending = run(function* () {
      yield* fromPromise(new Promise<void>(() => {}));
    });
    // What Node does once nothing is left on its own event loop.
    await new Promise((r) => setTimeout(r, 1));
    process.emit("beforeExit", 0);
    const error = await pending.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeadlockError);
    expect((error as Error).message).toMatch(/run\(\) is still waiting/);
    expect((error as Error).message).toMatch(
      /Task-\d+: waiting on a promise\noutside the loop: a promise/,
    );
  });

  it("stops listening for beforeExit once no run() is pending", async () => {
    const before = process.listenerCount("beforeExit");
    await run(function* () {
      yield* sleep(1);
    });
    expect(process.listenerCount("beforeExit")).toBe(before);
  });

  for (const args of [["real"], ["virtual"], ["virtual", "timeout"]]) {
    it(`a process whose main waits on a never-settling promise prints why and exits non-zero (${args.join(", ")})`, () => {
      const child = runFixture(...args);
      expect(child.stdout).not.toMatch(/unreachable/);
      expect(child.status).not.toBe(0);
      expect(child.status).not.toBe(13); // Node's silent "unsettled top-level await"
      expect(child.stderr).toMatch(/DeadlockError: deadlock: the host has nothing left to do/);
      expect(child.stderr).toMatch(/a promise/);
    });
  }
});

describe("shutdown of tasks that refuse to stop", () => {
  it("cancels a task again each round until it gives in", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      createTask(
        (function* () {
          let caught = 0;
          for (;;) {
            try {
              yield* sleep(1000);
            } catch {
              caught++;
              log.push(`caught cancellation ${caught} at ${getRunningLoop().time()}`);
              if (caught === 3) return;
            }
          }
        })(),
        { name: "stubborn" },
      );
      yield* sleep(0);
      log.push("main done");
    });
    // Round 1 cancels at 0; the task's 1000-step budget runs out 999 sleeps later; and so on.
    expect(log).toEqual([
      "main done",
      "caught cancellation 1 at 0",
      "caught cancellation 2 at 999000",
      "caught cancellation 3 at 1998000",
    ]);
  });

  it(`rejects, naming the tasks, after ${MAX_SHUTDOWN_ROUNDS} rounds under the virtual clock`, async () => {
    const started = performance.now();
    const error = await runVirtual(function* () {
      createTask(
        (function* () {
          for (;;) {
            try {
              yield* sleep(1000);
            } catch {
              // swallowed, every time
            }
          }
        })(),
        { name: "never-stops" },
      );
      yield* sleep(0);
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RuntimeError);
    expect((error as Error).message).toMatch(
      /run\(\): 1 task\(s\) refused to stop after 10 rounds of cancellation/,
    );
    expect((error as Error).message).toMatch(/never-stops/);
    expect(performance.now() - started).toBeLessThan(5000); // it ends; no spinning forever
  });

  it("also ends a task that swallows cancellation in a sleep(0) loop, on the real clock", async () => {
    const error = await run(function* () {
      createTask(
        (function* () {
          for (;;) {
            try {
              yield* sleep(0);
            } catch {
              // swallowed
            }
          }
        })(),
        { name: "busy" },
      );
      yield* sleep(0);
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RuntimeError);
    expect((error as Error).message).toMatch(/busy/);
  });

  it("leaves a cleanup that awaits in its finally block alone, however many steps it takes within a round", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      createTask(
        (function* () {
          try {
            yield* sleep(60_000);
          } finally {
            for (let i = 0; i < 500; i++) yield* sleep(10);
            log.push(`cleaned up at ${getRunningLoop().time()}`);
          }
        })(),
      );
      yield* sleep(0);
    });
    expect(log).toEqual(["cleaned up at 5000"]);
  });
});

describe("shutdown of a task whose cleanup fails", () => {
  it("reports a task that fails while shutdown cancels it, once, naming the task (asyncio.run does the same)", async () => {
    const reports: ExceptionContext[] = [];
    await run(
      function* () {
        createTask(
          (function* () {
            try {
              yield* sleep(60_000);
            } catch {
              throw new RangeError("cleanup failed");
            }
          })(),
          { name: "bad-cleanup" },
        );
        yield* sleep(0);
      },
      { setup: (loop) => loop.setExceptionHandler((_l, ctx) => reports.push(ctx)) },
    );
    expect(
      reports.map((r) => [
        r.message,
        (r.exception as Error).message,
        (r.task as TaskLike<unknown>).getName(),
      ]),
    ).toEqual([["unhandled exception during run() shutdown", "cleanup failed", "bad-cleanup"]]);
  });
});
