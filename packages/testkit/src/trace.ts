import type { Coroutine, EventLoop, TaskLike } from "@corio/interfaces";
import { getRunningLoop } from "@corio/interfaces";
import type { EventLoop as CorioEventLoop } from "@corio/loop";
import { run } from "@corio/task";

/**
 * One line of a trace: what happened, at which loop time, in which task.
 *
 * @asyncio none: corio's test harness
 * @example
 * trace[0]; // { time: 0, event: "start", task: "main" }
 */
export interface TraceEntry {
  /** Loop time in milliseconds (virtual: starts at 0). */
  time: number;
  /** The text given to `t.log()`, or a task event such as `"Task-2 done"`. */
  event: string;
  /** The name of the task that was running, or `null` from a plain callback. */
  task: string | null;
}

/**
 * What the coroutine given to {@link runTraced} receives to record events.
 *
 * @asyncio none: corio's test harness
 * @example
 * const { events } = await runTraced(function* (t) {
 *   t.log("start");
 * });
 */
export interface Tracer {
  /** Records `event` at the loop's current time. */
  log(event: string): void;
  /** The loop's current time in milliseconds. */
  time(): number;
  /** Everything recorded so far. */
  readonly entries: readonly TraceEntry[];
}

/**
 * Options for {@link runTraced}.
 *
 * @asyncio none: corio's test harness
 * @example
 * await runTraced(main, { tasks: true }); // also "Task-2 created", "Task-2 done"...
 */
export interface RunTracedOptions {
  /**
   * Also records task lifecycle events: `"<name> created"`, `"<name> done"`,
   * `"<name> cancelled"`, `"<name> failed"`. Default false.
   */
  tasks?: boolean;
  /** Called with the loop before the main coroutine starts (install handlers or instruments). */
  setup?: (loop: CorioEventLoop) => void;
}

/**
 * What {@link runTraced} resolves with.
 *
 * @asyncio none: corio's test harness
 * @example
 * const { events, elapsed } = await runTraced(main);
 * expect(elapsed).toBe(1000);
 */
export interface TracedRun<T> {
  /** The main coroutine's return value. */
  result: T;
  /** Every recorded entry, in order. */
  trace: TraceEntry[];
  /** Just the event texts, in order: handy for `expect(events).toEqual([...])`. */
  events: string[];
  /** Loop time (ms) when the main coroutine returned. */
  elapsed: number;
}

class TraceRecorder implements Tracer {
  readonly entries: TraceEntry[] = [];
  loop: EventLoop | null = null;

  log(event: string): void {
    if (typeof event !== "string") {
      throw new TypeError(`log(event): event must be a string, got ${typeof event}`);
    }
    const loop = this.loop ?? getRunningLoop();
    const task = loop.currentTask();
    this.entries.push({ time: loop.time(), event, task: task === null ? null : task.getName() });
  }

  time(): number {
    return (this.loop ?? getRunningLoop()).time();
  }
}

function taskEnded(task: TaskLike<unknown>): string {
  if (task.cancelled()) return "cancelled";
  return task.exception() === null ? "done" : "failed";
}

/**
 * Runs a coroutine on a fresh loop with a virtual clock and records what happens: every
 * `t.log(event)` with its loop time and task, and optionally task lifecycle events. Time jumps to
 * the next timer whenever every task waits, so an hour of `sleep` takes microseconds.
 *
 * @asyncio none; the closest is CPython's `test_asyncio.utils.TestLoop` with a list of events.
 * @throws whatever the main coroutine throws (the promise rejects with it).
 * @throws {@link DeadlockError} if the main coroutine waits on something that can never happen.
 * @example
 * const { result, events, elapsed } = await runTraced(function* (t) {
 *   t.log("start");
 *   yield* sleep(1000);
 *   t.log("end");
 *   return 42;
 * });
 * // result === 42, events: ["start", "end"], elapsed === 1000
 */
export async function runTraced<T>(
  main: (t: Tracer) => Coroutine<T>,
  options: RunTracedOptions = {},
): Promise<TracedRun<T>> {
  if (typeof main !== "function") {
    throw new TypeError(
      `runTraced(main): main must be a generator function taking the tracer, got ${typeof main}`,
    );
  }
  const tracer = new TraceRecorder();
  let elapsed = 0;
  const result = await run(
    function* () {
      const value = yield* main(tracer);
      elapsed = getRunningLoop().time();
      return value;
    },
    {
      clock: "virtual",
      setup(loop) {
        tracer.loop = loop;
        if (options.tasks === true) {
          const note = (task: TaskLike<unknown>, what: string) =>
            tracer.entries.push({
              time: loop.time(),
              event: `${task.getName()} ${what}`,
              task: null,
            });
          loop.addInstrument({
            taskCreated: (task) => note(task, "created"),
            taskDone: (task) => note(task, taskEnded(task)),
          });
        }
        options.setup?.(loop);
      },
    },
  );
  const trace = tracer.entries.slice();
  return { result, trace, events: trace.map((e) => e.event), elapsed };
}

/**
 * Formats a trace one entry per line as `t=<ms> [<task>] <event>`, for failure messages and
 * snapshots.
 *
 * @asyncio none: a testing helper.
 * @example
 * console.log(formatTrace(trace));
 * // t=0 [Task-1] start
 * // t=1000 [Task-1] end
 */
export function formatTrace(trace: readonly TraceEntry[]): string {
  return trace.map((e) => `t=${e.time} [${e.task ?? "callback"}] ${e.event}`).join("\n");
}
