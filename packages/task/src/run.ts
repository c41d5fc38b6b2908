// run(), the entry point, and the task functions that read the running loop.
import {
  type Clock,
  type Coroutine,
  describeValue,
  getRunningLoop,
  getRunningLoopOrNull,
  RuntimeError,
  type TaskFactory,
  type TaskOptions,
} from "@corio/interfaces";
import { checkCoroutine } from "@corio/internal";
import { EventLoop } from "@corio/loop";
import { cancelAllTasks, watchHostExit } from "./shutdown.js";
import { guardSigint } from "./sigint.js";
import { Task } from "./task.js";

/**
 * Options for {@link run}.
 *
 * @asyncio the `debug` keyword of `asyncio.run`, and the loop's `slow_callback_duration`
 * @example
 * await run(main, { clock: "virtual", debug: true });
 */
export interface RunOptions {
  /**
   * `"real"` (default) or `"virtual"`: virtual time starts at 0 and jumps to the next timer
   * whenever every task waits, so a program that sleeps for hours finishes in microseconds with
   * the same order of events. Or a `Clock` object of your own (see `@corio/interfaces`).
   */
  clock?: "real" | "virtual" | Clock;
  /** Debug mode: reports callbacks slower than `slowCallbackDuration`, records task creation sites. */
  debug?: boolean;
  /** Milliseconds (real time) above which a callback counts as slow in debug mode. Default 100. */
  slowCallbackDuration?: number;
  /**
   * Loop milliseconds per real millisecond. With the real clock, `10` runs ten times faster than
   * real time. With the virtual clock it paces the run: same output and order as an unpaced
   * virtual run, each jump in time waiting `gap / timeScale` real milliseconds (for demos).
   */
  timeScale?: number;
  /** Called with the loop before the main task starts: install instruments or handlers here. */
  setup?: (loop: EventLoop) => void;
  /**
   * Node.js: the first Ctrl-C (SIGINT) cancels the main task, then `run()` rejects with
   * `KeyboardInterrupt` and sets `process.exitCode` to 130 (see sigint.ts). Default `true`; it is
   * skipped when the process already listens for SIGINT.
   */
  handleSigint?: boolean;
  /**
   * The loop's task factory: `eagerTaskFactory` makes every task start eagerly. The main task is
   * made by it too, before the loop runs (so it is never eager itself). Default: corio's `Task`.
   */
  taskFactory?: TaskFactory;
}

/**
 * Makes corio's `Task`s; pass it as `taskFactory` to a loop you create yourself.
 *
 * @asyncio the default task factory (`asyncio.Task`)
 * @example
 * const loop = new EventLoop({ clock: "manual", taskFactory });
 */
export const taskFactory: TaskFactory = (loop, coro, options) =>
  new Task(coro, loop as EventLoop, options);

/**
 * Runs a coroutine on a new event loop and returns a promise of its result. When the main
 * coroutine is done, every task still alive is cancelled and awaited (their `finally` blocks
 * run), then the loop is closed.
 *
 * @asyncio `asyncio.run`
 * @throws {@link RuntimeError} (synchronously) when called from a running loop: inside a
 * coroutine, `yield* work()` waits for a coroutine and `createTask(work())` runs it concurrently.
 * @throws {TypeError} if `main` is neither a generator object nor a generator function.
 * @example
 * const result = await run(function* () {
 *   yield* sleep(1000);
 *   return "done";
 * });
 */
export function run<T>(
  main: Coroutine<T> | (() => Coroutine<T>),
  options: RunOptions = {},
): Promise<T> {
  if (getRunningLoopOrNull() !== null) {
    throw new RuntimeError(
      "run() cannot be called from a running event loop: inside a coroutine, use `yield* work()` to wait for it or `createTask(work())` to run it alongside",
    );
  }
  const coro = typeof main === "function" ? main() : main;
  checkCoroutine(coro, "run(main): main", " or a generator function");
  const loop = newLoop(options, "run(main, options)");
  options.setup?.(loop);
  const task = loop.createTask(coro as Coroutine<T>) as Task<T>;
  return runMain(loop, task, options.handleSigint);
}

/** @internal The loop that `run()` and `Runner` make from their options. */
export function newLoop(options: RunOptions, where: string): EventLoop {
  const factory = options.taskFactory ?? taskFactory;
  if (typeof factory !== "function") {
    throw new TypeError(
      `${where}: options.taskFactory must be a function, got ${describeValue(factory)}`,
    );
  }
  return new EventLoop({
    clock: options.clock ?? "real",
    debug: options.debug ?? false,
    slowCallbackDuration: options.slowCallbackDuration,
    timeScale: options.timeScale,
    taskFactory: factory,
  });
}

async function runMain<T>(loop: EventLoop, task: Task<T>, handleSigint?: boolean): Promise<T> {
  try {
    return await runTask(loop, task, handleSigint);
  } finally {
    try {
      await cancelAllTasks(loop);
    } finally {
      loop.close();
    }
  }
}

/**
 * @internal Runs the loop until `task` is done, watching for host exit and Ctrl-C (shared by
 * `run()` and `Runner.run()`); what is still alive afterwards is left to the caller.
 */
export async function runTask<T>(
  loop: EventLoop,
  task: Task<T>,
  handleSigint?: boolean,
): Promise<T> {
  // When the host is about to exit with the run still pending, the loop is stopped and the run
  // fails with the watch's DeadlockError (runUntilComplete itself would then report that the main
  // task has no result yet). A Ctrl-C turns the main task's cancellation into KeyboardInterrupt.
  let hostExit: unknown = null;
  const unwatch = watchHostExit(loop, (error) => {
    hostExit = error;
    loop.stop();
  });
  const sigint = guardSigint(loop, task, handleSigint);
  try {
    return await loop.runUntilComplete<T>(task);
  } catch (error) {
    throw hostExit ?? sigint.translate(error);
  } finally {
    sigint.release();
    unwatch();
  }
}

/**
 * Wraps a coroutine in a task on the running loop, to start on its next iteration.
 *
 * @asyncio `asyncio.create_task`
 * @throws {@link RuntimeError} if no loop is running.
 * @throws {TypeError} if `coro` is not a generator object.
 * @example
 * const tasks = urls.map((u) => createTask(crawlPage(u)));
 * for (const t of tasks) yield* t;
 */
export function createTask<T>(coro: Coroutine<T>, options?: TaskOptions): Task<T> {
  return getRunningLoop().createTask(coro, options) as Task<T>;
}

/**
 * The task running now, or `null` when called from a plain callback.
 *
 * @asyncio `asyncio.current_task`
 * @throws {@link RuntimeError} if no loop is running.
 *
 * @example
 * function* work() {
 *   console.log(currentTask()?.getName()); // "worker-1"
 * }
 * createTask(work(), { name: "worker-1" });
 */
export function currentTask(): Task<unknown> | null {
  return getRunningLoop().currentTask() as Task<unknown> | null;
}

/**
 * Every task of the running loop that is not done yet.
 *
 * @asyncio `asyncio.all_tasks`
 * @throws {@link RuntimeError} if no loop is running.
 *
 * @example
 * for (const task of allTasks()) console.log(task.getName(), task.done());
 */
export function allTasks(): Set<Task<unknown>> {
  return getRunningLoop().allTasks() as Set<Task<unknown>>;
}
