import * as I from "@corio/interfaces";
import { EventLoop } from "@corio/loop";
import { Task } from "./task.js";

const { RuntimeError, getRunningLoop, getRunningLoopOrNull, isCoroutine } = I;

/**
 * Options for {@link run}.
 *
 * @asyncio the `debug` keyword of `asyncio.run`, and the loop's `slow_callback_duration`
 * @example
 * await run(main, { clock: "virtual", setup: (loop) => loop.setDebug(true) });
 */
export interface RunOptions {
  /**
   * `"real"` (default) or `"virtual"`: virtual time starts at 0 and jumps to the next timer
   * whenever every task waits, so a program that sleeps for hours finishes in microseconds with
   * the same order of events.
   */
  clock?: "real" | "virtual";
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
}

/**
 * Makes corio's `Task`s; pass it as `taskFactory` to a loop you create yourself.
 *
 * @asyncio the default task factory (`asyncio.Task`)
 * @example
 * const loop = new EventLoop({ clock: "manual", taskFactory });
 */
export const taskFactory: I.TaskFactory = (loop, coro, options) =>
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
  main: I.Coroutine<T> | (() => I.Coroutine<T>),
  options: RunOptions = {},
): Promise<T> {
  if (getRunningLoopOrNull() !== null) {
    throw new RuntimeError(
      "run() cannot be called from a running event loop: inside a coroutine, use `yield* work()` to wait for it or `createTask(work())` to run it alongside",
    );
  }
  const coro = typeof main === "function" ? main() : main;
  if (!isCoroutine(coro)) {
    throw new TypeError(
      `run(main): main must be a generator object or a generator function, got ${coro === null ? "null" : typeof coro}`,
    );
  }
  const loop = new EventLoop({
    clock: options.clock ?? "real",
    debug: options.debug ?? false,
    slowCallbackDuration: options.slowCallbackDuration,
    timeScale: options.timeScale,
    taskFactory,
  });
  options.setup?.(loop);
  const task = new Task(coro as I.Coroutine<T>, loop);
  return runMain(loop, task);
}

async function runMain<T>(loop: EventLoop, task: Task<T>): Promise<T> {
  try {
    return await loop.runUntilComplete<T>(task);
  } finally {
    try {
      await cancelAllTasks(loop);
    } finally {
      loop.close();
    }
  }
}

/** Cancels every task still alive and runs the loop until they are all done (asyncio's shutdown). */
async function cancelAllTasks(loop: EventLoop): Promise<void> {
  const tasks = [...loop._tasks];
  if (tasks.length === 0) return;
  for (const t of tasks) t.cancel();
  const all = loop.createFuture<void>("shutdown");
  let left = tasks.length;
  const oneDone = () => {
    if (--left === 0 && !all.done()) all.setResult(undefined);
  };
  for (const t of tasks) t.addDoneCallback(oneDone);
  try {
    await loop.runUntilComplete(all);
  } catch (error) {
    loop.callExceptionHandler({
      message: "tasks still pending when run() shut down",
      exception: error,
    });
    return;
  }
  for (const t of tasks) {
    if (t.cancelled()) continue;
    const error = t.exception();
    if (error !== null) {
      loop.callExceptionHandler({
        message: "unhandled exception during run() shutdown",
        exception: error,
        task: t,
      });
    }
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
export function createTask<T>(coro: I.Coroutine<T>, options?: I.TaskOptions): Task<T> {
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
