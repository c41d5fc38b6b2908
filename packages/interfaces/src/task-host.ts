/**
 * The one contract between a loop and the task package: what a task needs from its loop beyond the
 * public `EventLoopLike`, and how it gets it.
 *
 * How it works: a loop that can host corio's tasks puts a {@link TaskHost} under the registered
 * symbol {@link TASK_HOST}; {@link getTaskHost} reads it. Through the host a task schedules its
 * steps without allocating, says which task is running, keeps the registry of live tasks that the
 * loop lists, parks on the loop's own futures without a closure, arms timers that are their own
 * timer entries (a sleep), and reaches the instrumentation hooks. The task package uses this and the
 * public API of `@corio/loop`, nothing else, and the loop knows tasks only as {@link TaskLike}.
 */
import type { LoopInstrument } from "./loop.js";
import type { ContextLike, FutureLike, TaskLike } from "./protocol.js";

/**
 * An object that is its own timer in a loop's timer queue, so that a pending sleep costs one object
 * instead of a future plus a timer handle. The queue owns the `timer*` fields while the entry is
 * queued; the entry only sets `callback` to something non-null before {@link TaskHost.startTimer}.
 */
export interface TimerEntry {
  /** The loop time (ms) at which the entry is due; set by the host. */
  timerWhen: number;
  /** Scheduling order among equal deadlines; -1 while the entry is not queued. Set by the host. */
  timerSeq: number;
  /** The next entry in the host's list for the same delay; null otherwise. Set by the host. */
  timerNext: TimerEntry | null;
  /** Non-null while armed; the host sets it to null when the entry is cancelled. */
  callback: unknown;
  /** Called through the ready queue once the entry is due and was not cancelled. */
  runTimer(): void;
}

/**
 * Something woken through the ready queue once a future is done, registered with
 * {@link TaskHost.addWaker} instead of a done callback, so that parking allocates nothing.
 */
export interface Waker {
  /** The future it waited on is done. */
  onFutureDone(): void;
}

/**
 * The live tasks of one loop, kept by the task package and read by the loop for `allTasks()`,
 * `statistics()` and its task listings (`formatTasks()`, `DeadlockError`).
 */
export interface TaskRegistry extends Iterable<TaskLike<unknown>> {
  /** How many tasks are live. */
  readonly size: number;
  /** Adds a task that was just created. */
  add(task: TaskLike<unknown>): void;
  /** Removes a task that finished; returns false if it was not there. */
  delete(task: TaskLike<unknown>): boolean;
  /**
   * One line per live task for a listing, indented under the task that created it: its name, what
   * it waits on, and (in debug mode) where it was created. `current` is the task running now.
   */
  describe(current: TaskLike<unknown> | null): string[];
}

/**
 * Something user code runs inside and that has a context of variables: a task, a handle, a
 * context entered with `run()`. `ctx` is null while it has none of its own yet (an empty context
 * not worth making): the first `ContextVar.set()` makes one.
 */
export interface ContextCarrier {
  ctx: ContextLike | null;
}

/**
 * The slot saying which carrier's context is current. Whoever runs user code (a task step, a
 * handle, `Context.run`) puts its carrier in and the previous one back: one write each way.
 */
export interface ContextSlot {
  current: ContextCarrier;
}

/**
 * What a task needs from the loop that drives it, beyond the public `EventLoopLike`. A loop offers
 * it under {@link TASK_HOST}; `@corio/loop`'s `EventLoop` does.
 */
export interface TaskHost {
  /** The task whose step is running now; a task sets it around each step. */
  current: TaskLike<unknown> | null;
  /** The installed instruments combined into one object, or null when there are none. */
  readonly hooks: LoopInstrument | null;
  /** The registry of live tasks; the task package installs one on the loop's first task. */
  tasks: TaskRegistry | null;
  /**
   * Queues `fn(a, b)` for the next loop iteration, after everything already queued, without
   * allocating (a task step is `push(step, task)`).
   *
   * @throws {@link RuntimeError} if the loop is closed.
   */
  push<A, B = undefined>(fn: (a: A, b: B) => void, a: A, b?: B): void;
  /** The next task number (1, 2, ...), for default task names. */
  nextTaskNumber(): number;
  /**
   * Wakes `waker` through the ready queue once `future` is done, as a done callback would, but
   * without a closure. `future` must be one of this loop's own futures.
   */
  addWaker(future: FutureLike<unknown>, waker: Waker): void;
  /** Withdraws a waker registered with {@link TaskHost.addWaker} (a task leaving an await cycle). */
  removeWaker(future: FutureLike<unknown>, waker: Waker): void;
  /**
   * Queues `entry` to run `delay` ms from now (it sets `timerWhen` and `timerSeq`). Set
   * `entry.callback` to something non-null first.
   *
   * @throws {@link RuntimeError} if the loop is closed.
   */
  startTimer(entry: TimerEntry, delay: number): void;
  /** Cancels a queued entry: it will not run, and the queue drops it lazily. */
  cancelTimer(entry: TimerEntry): void;
  /**
   * Node.js: makes `callback` the loop's handler for the signal `sig` (as `addSignalHandler`
   * does) without counting it as something the loop waits for, so that it hides no deadlock:
   * `run()`'s own Ctrl-C handler. Returns a function that removes it while it is still the
   * handler for `sig`.
   */
  addQuietSignalHandler(sig: string, callback: () => void): () => void;
  /** The slot of the current context; a task puts itself in around each step. */
  readonly contexts: ContextSlot;
  /**
   * The context a new task starts in: `options.context` when given, else a copy of the current
   * one, or null (an empty context, made only if the task sets a variable) when the current one
   * holds none. The same check the loop's `callSoon` and `addDoneCallback` make.
   *
   * @throws {TypeError} naming `name` if `options.context` is not one of the loop's contexts.
   */
  contextOption(name: string, options: { context?: unknown } | undefined): ContextLike | null;
}

/** The registered symbol under which a loop offers its {@link TaskHost}. */
export const TASK_HOST: unique symbol = Symbol.for("@corio/interfaces/TASK_HOST") as never;

/**
 * The {@link TaskHost} of `loop`, or null if the loop offers none (a loop from another library).
 *
 * @example
 * const host = getTaskHost(getRunningLoop());
 * if (host !== null) console.log(`${host.tasks?.size ?? 0} live tasks`);
 */
export function getTaskHost(loop: object): TaskHost | null {
  return (loop as { [TASK_HOST]?: TaskHost })[TASK_HOST] ?? null;
}
