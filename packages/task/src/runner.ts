/**
 * Runner: one event loop that several `run()` calls share (asyncio 3.11's `asyncio.Runner`).
 *
 * The loop is made on the first `run()` or `getLoop()` and lives until `close()`. Tasks a run
 * leaves behind stay on the loop and go on at the next run; `close()` cancels and awaits whatever
 * is still alive (the same shutdown as `run()`, in shutdown.ts) and closes the loop. Each run
 * watches Ctrl-C and host exit exactly as `run()` does (run.ts `runTask`).
 */
import {
  type Coroutine,
  getRunningLoopOrNull,
  RuntimeError,
  type TaskOptions,
} from "@corio/interfaces";
import { checkCoroutine } from "@corio/internal";
import type { EventLoop } from "@corio/loop";
import { newLoop, type RunOptions, runTask } from "./run.js";
import { cancelAllTasks } from "./shutdown.js";
import type { Task } from "./task.js";

/** Options for {@link Runner}: those of `run()` (clock, debug, taskFactory, setup, ...). */
export type RunnerOptions = RunOptions;

/**
 * An event loop kept open across several runs: `run(coro)` runs a coroutine to its end on it,
 * `close()` shuts it down. Use it where one `run()` is not enough: a test fixture, a REPL, a
 * program that runs setup, work and teardown as separate steps on one loop.
 *
 * @asyncio `asyncio.Runner`
 * @example
 * const runner = new Runner({ clock: "virtual" });
 * try {
 *   const conn = await runner.run(connect());
 *   await runner.run(serve(conn));
 * } finally {
 *   await runner.close();
 * }
 */
export class Runner {
  private readonly options: RunnerOptions;
  private loop: EventLoop | null = null;
  private state: "created" | "open" | "closing" | "closed" = "created";
  private running = false;
  private closing: Promise<void> | null = null;

  /**
   * Takes the options; the loop itself is made on first use.
   *
   * @throws {TypeError} if `options` is not an object.
   */
  constructor(options: RunnerOptions = {}) {
    if (options === null || typeof options !== "object") {
      throw new TypeError(`new Runner(options): options must be an object, got ${typeof options}`);
    }
    this.options = options;
  }

  /**
   * Runs `main` as a task on the runner's loop and resolves with its result (rejects with its
   * error). Tasks it creates and leaves running stay on the loop for the next run.
   *
   * @asyncio `Runner.run`
   * @throws {@link RuntimeError} (synchronously) after `close()`, while another `run()` of this
   * runner is pending, or when called from a running event loop.
   * @throws {TypeError} if `main` is neither a generator object nor a generator function.
   * @example
   * const n = await runner.run(function* () { yield* sleep(10); return 1; });
   */
  run<T>(main: Coroutine<T> | (() => Coroutine<T>), options?: TaskOptions): Promise<T> {
    if (this.state === "closing" || this.state === "closed") {
      throw new RuntimeError("Runner.run(): the runner is closed");
    }
    if (getRunningLoopOrNull() !== null) {
      throw new RuntimeError(
        "Runner.run() cannot be called from a running event loop: inside a coroutine, use `yield* work()` or `createTask(work())`",
      );
    }
    if (this.running) {
      throw new RuntimeError(
        "Runner.run(): the previous run() of this runner has not finished yet; await it first",
      );
    }
    const coro = typeof main === "function" ? main() : main;
    checkCoroutine(coro, "Runner.run(main): main", " or a generator function");
    const loop = this.getLoop();
    const task = loop.createTask(coro as Coroutine<T>, options) as Task<T>;
    this.running = true;
    return runTask(loop, task, this.options.handleSigint).finally(() => {
      this.running = false;
    });
  }

  /**
   * The runner's loop, made now if no run has made it yet.
   *
   * @asyncio `Runner.get_loop`
   * @throws {@link RuntimeError} after `close()`.
   */
  getLoop(): EventLoop {
    if (this.state === "closing" || this.state === "closed") {
      throw new RuntimeError("Runner.getLoop(): the runner is closed");
    }
    if (this.loop === null) {
      const loop = newLoop(this.options, "new Runner(options)");
      this.options.setup?.(loop);
      this.loop = loop;
      this.state = "open";
    }
    return this.loop;
  }

  /**
   * Cancels and awaits every task still alive (their `finally` blocks run), then closes the loop.
   * Calling it again, or on a runner that never made its loop, does nothing more (as in asyncio,
   * a runner that never ran can still run after it).
   *
   * @asyncio `Runner.close`
   * @throws {@link RuntimeError} (rejects) while a `run()` is pending, or when tasks refuse to stop
   * (see `run()`); the loop is closed all the same in the second case.
   * @example
   * await runner.close();
   * await runner.close(); // no-op
   */
  close(): Promise<void> {
    if (this.closing !== null) return this.closing;
    if (this.state !== "open") return Promise.resolve();
    if (this.running) {
      return Promise.reject(
        new RuntimeError("Runner.close(): a run() of this runner has not finished yet"),
      );
    }
    const loop = this.loop!;
    this.state = "closing";
    const shutdown = (async () => {
      try {
        await cancelAllTasks(loop);
      } finally {
        loop.close();
        this.state = "closed";
      }
    })();
    // A later close() waits for this one and resolves: the error is reported once, here.
    this.closing = shutdown.then(
      () => {},
      () => {},
    );
    return shutdown;
  }
}
