/**
 * Eager tasks: `createTask(coro, { eagerStart: true })` (asyncio 3.14's `eager_start`) and the
 * eager task factory (asyncio 3.12's `eager_task_factory`).
 *
 * An eager task takes its first step inside `createTask` itself, with the new task as the current
 * task (the creating task is current again when `createTask` returns). The coroutine runs up to its
 * first suspension: if it never suspends, the task is done when `createTask` returns and never
 * visits the ready queue; its done callbacks are still scheduled through the loop, never called
 * from inside `createTask`. An error or a cancellation in that first step ends the task, as in any
 * other step; `createTask` itself does not throw it. When the loop is not running (a task made
 * before `runUntilComplete`), the option is ignored and the task starts on the next iteration.
 */
import { describeValue, type TaskFactory, type TaskOptions } from "@corio/interfaces";
import type { EventLoop } from "@corio/loop";
import { Task } from "./task.js";

/**
 * @internal Whether a task made with `options` on `loop` takes its first step at once.
 * @throws {TypeError} if `options.eagerStart` is neither a boolean nor undefined.
 */
export function wantsEagerStart(options: TaskOptions | undefined, loop: EventLoop): boolean {
  const eager = options?.eagerStart;
  if (eager === undefined || eager === false) return false;
  if (eager !== true) {
    throw new TypeError(
      `createTask(coro, options): options.eagerStart must be a boolean, got ${describeValue(eager)}`,
    );
  }
  return loop.isRunning();
}

/**
 * A task factory whose tasks start eagerly: every `createTask` runs the coroutine at once, up to
 * its first suspension (unless it passes `eagerStart: false`). Coroutines that often finish
 * without waiting (a cache hit, a full buffer) then cost no trip through the ready queue. Install
 * it on a loop, or pass it to `run()` / `Runner` as `taskFactory`.
 *
 * @asyncio `asyncio.eager_task_factory`
 * @throws {TypeError} (from the task) if the coroutine or an option is not valid.
 * @example
 * await run(main, { taskFactory: eagerTaskFactory });
 * // or, inside a running program:
 * getRunningLoop().setTaskFactory(eagerTaskFactory);
 */
export const eagerTaskFactory: TaskFactory = (loop, coro, options) =>
  new Task(
    coro,
    loop as EventLoop,
    // An explicit `eagerStart: false` wins, as with asyncio 3.14's factory.
    options === undefined
      ? EAGER
      : options.eagerStart === undefined
        ? { ...options, ...EAGER }
        : options,
  );

/** The options of an eager task without other options: one object for all of them. */
const EAGER: TaskOptions = Object.freeze({ eagerStart: true });
