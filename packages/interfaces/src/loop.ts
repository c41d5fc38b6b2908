/**
 * The event loop contract and what hangs off it: handles, exception reporting, the task factory and
 * instrumentation hooks. Contracts are named with a `-Like` suffix (`EventLoopLike`), so the classes
 * that implement them (`EventLoop` in `@corio/loop`) keep the plain names.
 */
import type {
  CallbackOptions,
  Coroutine,
  FutureLike,
  SettableFutureLike,
  TaskLike,
  TaskOptions,
} from "./protocol.js";

/**
 * A callback scheduled on the loop; cancelling it before it runs means it never runs.
 *
 * @asyncio `asyncio.Handle`
 *
 * @example
 * const handle = loop.callSoon(() => console.log("later"));
 * handle.cancel(); // it never runs
 */
export interface HandleLike {
  /** Stops the callback from running; does nothing if it already ran. */
  cancel(): void;
  /** True once `cancel()` was called. */
  cancelled(): boolean;
}

/**
 * A callback scheduled for a point in the loop's time.
 *
 * @asyncio `asyncio.TimerHandle`
 *
 * @example
 * const timer = loop.callLater(1000, refresh);
 * timer.when(); // loop time it is due, in ms
 */
export interface TimerHandleLike extends HandleLike {
  /** The loop time, in milliseconds, at which the callback is due. */
  when(): number;
}

/**
 * What the exception handler is told.
 *
 * @asyncio the `context` dict of `loop.call_exception_handler`
 *
 * @example
 * loop.callExceptionHandler({ message: "callback failed", exception: error });
 */
export interface ExceptionContext {
  message: string;
  exception?: unknown;
  future?: FutureLike<unknown>;
  task?: TaskLike<unknown>;
  handle?: HandleLike;
  [key: string]: unknown;
}

/**
 * Receives what went wrong outside any awaiter (an exception nobody retrieved, a callback that
 * threw); set one with `loop.setExceptionHandler`, or `null` for the default, which logs it.
 *
 * @asyncio the handler given to `loop.set_exception_handler`
 * @example
 * loop.setExceptionHandler((loop, context) => {
 *   console.error("corio:", context.message, context.exception);
 * });
 */
export type ExceptionHandler = (loop: EventLoopLike, context: ExceptionContext) => void;

/**
 * Makes the task for every `createTask` on a loop, so a tool can wrap, name or count tasks; set
 * one with `loop.setTaskFactory`, or `null` to go back to the default `Task`.
 *
 * @asyncio the factory given to `loop.set_task_factory`
 * @example
 * loop.setTaskFactory((loop, coro, options) => {
 *   const task = new Task(coro, loop, options);
 *   console.log("created", task.getName());
 *   return task;
 * });
 */
export type TaskFactory = <T>(
  loop: EventLoopLike,
  coro: Coroutine<T>,
  options?: TaskOptions,
) => TaskLike<T>;

/**
 * Hooks that tools (timelines, tracers, profilers) install on a loop. Every hook is optional, and
 * a loop without instruments pays one null check per event.
 *
 * @asyncio none: asyncio has no hooks; Python tools patch the loop or use `sys.monitoring`
 * @example
 * const remove = loop.addInstrument({ taskDone: (t) => console.log("done", t.getName()) });
 * remove(); // uninstall
 */
export interface LoopInstrument {
  /** A task was created (before its first step). */
  taskCreated?(task: TaskLike<unknown>): void;
  /** A task's coroutine is about to be stepped. */
  stepStarted?(task: TaskLike<unknown>): void;
  /** A task's step returned (it suspended or finished). */
  stepEnded?(task: TaskLike<unknown>): void;
  /** A task gave up control, waiting on `awaiting` (`null`: for one loop iteration). */
  taskSuspended?(task: TaskLike<unknown>, awaiting: FutureLike<unknown> | null): void;
  /** `cancel()` was called on a pending task. */
  cancelRequested?(task: TaskLike<unknown>, message: string | undefined): void;
  /** A task finished: with a result, an exception, or cancelled (see `task.cancelled()`). */
  taskDone?(task: TaskLike<unknown>): void;
  /** A plain callback (not a task step) ran. */
  callbackRan?(callback: Function): void;
}

/**
 * The event loop: a ready queue of callbacks, a clock and its timers, and the tasks it drives.
 *
 * @asyncio `asyncio.AbstractEventLoop`
 *
 * @example
 * const loop = getRunningLoop();
 * loop.callLater(500, () => console.log("half a second later"));
 */
export interface EventLoopLike {
  /** The loop's clock, in milliseconds. Virtual loops report virtual time. */
  time(): number;
  /** Runs `callback` on the next loop iteration, after those already scheduled. */
  callSoon(callback: () => void, options?: CallbackOptions): HandleLike;
  /** Runs `callback` after `delay` ms (a delay of 0 or less means as soon as possible). */
  callLater(delay: number, callback: () => void, options?: CallbackOptions): TimerHandleLike;
  /** Runs `callback` at loop time `when` (a time already past means as soon as possible). */
  callAt(when: number, callback: () => void, options?: CallbackOptions): TimerHandleLike;
  /** Makes a pending future bound to this loop; `label` shows in task listings. */
  createFuture<T>(label?: string): SettableFutureLike<T>;
  /** Wraps `coro` in a task scheduled to start on the next iteration. */
  createTask<T>(coro: Coroutine<T>, options?: TaskOptions): TaskLike<T>;
  /** The task whose step is running now, or `null`. */
  currentTask(): TaskLike<unknown> | null;
  /** Every task of this loop that is not done yet. */
  allTasks(): Set<TaskLike<unknown>>;
  setTaskFactory(factory: TaskFactory | null): void;
  getTaskFactory(): TaskFactory | null;
  setExceptionHandler(handler: ExceptionHandler | null): void;
  getExceptionHandler(): ExceptionHandler | null;
  /** Reports an error that has nobody to catch it, through the handler or the default one. */
  callExceptionHandler(context: ExceptionContext): void;
  /** The default handler: prints the message and the error with `console.error`. */
  defaultExceptionHandler(context: ExceptionContext): void;
  /**
   * Tells the loop something outside it (a promise, say) may still schedule work, so a virtual
   * clock must not jump and the loop is not deadlocked. Call the returned function when it settles.
   */
  trackExternal(label: string): () => void;
  /**
   * Runs `callback` when the loop closes, after its pending callbacks and timers are dropped.
   * Packages that own host resources (sockets, servers, child processes, workers, connections)
   * register here so that nothing outlives the loop. Callbacks run newest first; one that throws is
   * reported through the exception handler and the others still run. Returns a function that
   * unregisters the callback (call it once the resource is closed by other means).
   */
  addCloseCallback(callback: () => void): () => void;
  /**
   * Runs `callback` on the loop each time the process receives signal `sig` (`"SIGINT"`, or its
   * number); replaces this loop's earlier handler for `sig`. Node.js only.
   */
  addSignalHandler(sig: string | number, callback: () => void): void;
  /** Removes this loop's handler for `sig`; returns whether there was one. Node.js only. */
  removeSignalHandler(sig: string | number): boolean;
  /** Installs instrumentation hooks; returns a function that removes them. */
  addInstrument(instrument: LoopInstrument): () => void;
  isRunning(): boolean;
  isClosed(): boolean;
  getDebug(): boolean;
  /** Stops the loop for good: drops every pending callback and timer. */
  close(): void;
}

/** @deprecated Renamed {@link EventLoopLike}: contracts carry the `-Like` suffix. */
export type EventLoop = EventLoopLike;
/** @deprecated Renamed {@link HandleLike}: contracts carry the `-Like` suffix. */
export type Handle = HandleLike;
/** @deprecated Renamed {@link TimerHandleLike}: contracts carry the `-Like` suffix. */
export type TimerHandle = TimerHandleLike;
