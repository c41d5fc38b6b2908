/**
 * The event loop.
 *
 * How it works: one iteration (`_runOnce`) moves every timer that is due into the ready queue, then
 * runs exactly the callbacks that were ready when the iteration began; whatever they schedule runs
 * in the next iteration. That is asyncio's `_run_once`, and it fixes every interleaving.
 *
 * The loop lives inside the host's own event loop. `_runBatch` runs iterations back to back until
 * nothing is ready, then parks: on a host timer for the next deadline (real clock), by jumping the
 * clock to it (virtual clock), or not at all until something from outside schedules work. A batch
 * that runs long gives the host a turn every few milliseconds, so I/O and promise callbacks are
 * never starved, and an idle loop holds nothing but one host timer.
 */
import * as I from "@corio/interfaces";
import { formatTasks, type TaskView } from "./format.js";
import { Future } from "./future.js";
import { Handle, TimerHandle } from "./handles.js";
import { hostTimer, realNow, scheduleImmediate, viaMicrotask } from "./host.js";
import { ReadyQueue } from "./ready-queue.js";
import { SignalHandlers } from "./signals.js";
import { TaskList } from "./task-list.js";
import { type TimerEntry, TimerQueue } from "./timer-heap.js";
import { Unretrieved } from "./unretrieved.js";

const { DeadlockError, RuntimeError, getRunningLoopOrNull, setRunningLoop } = I;
const describe = I.describeValue;

/**
 * Which clock a loop reads.
 *
 * @asyncio none: asyncio has only the real clock (test suites patch `loop.time`)
 * @example
 * const loop = new EventLoop({ clock: "virtual" }); // ClockKind
 */
export type ClockKind = "real" | "virtual" | "manual";

/**
 * Options for {@link EventLoop}.
 *
 * @asyncio the loop's `set_debug`, `slow_callback_duration` and `set_task_factory`, given at once
 * @example
 * const loop = new EventLoop({ clock: "virtual", debug: true });
 */
export interface EventLoopOptions {
  /**
   * `"real"` (default) follows `performance.now()`. `"virtual"` starts at 0 and jumps straight to
   * the next timer whenever nothing is ready and nothing outside the loop is pending. `"manual"`
   * moves only when a test calls `advance(ms)`.
   */
  clock?: ClockKind;
  /** Debug mode: reports slow callbacks and records where each task was created. */
  debug?: boolean;
  /** In debug mode, callbacks that run longer than this (ms, real time) are reported. Default 100. */
  slowCallbackDuration?: number;
  /** Makes the loop's tasks; `run()` from `@corio/task` passes corio's `Task`. */
  taskFactory?: I.TaskFactory | null;
  /** How long (ms, real time) a batch may run before the host gets a turn. Default 8. */
  batchBudget?: number;
  /**
   * How many loop milliseconds pass per real millisecond. On a real clock, `10` makes
   * `sleep(1000)` take 100 ms of wall time. On a virtual clock it turns on pacing: time still
   * jumps from timer to timer (so output and order are exactly those of an unpaced run), but each
   * jump waits `gap / timeScale` real milliseconds first — what the docs' Run buttons use to show
   * a run as it happens. Default: 1 for a real clock, no pacing for a virtual one.
   */
  timeScale?: number;
}

/**
 * What {@link EventLoop.statistics} reports.
 *
 * @asyncio none: asyncio keeps `_ready` and `_scheduled` private
 * @example
 * loop.statistics(); // { ready: 0, timers: 2, cancelledTimers: 0, tasks: 3, ... }
 */
export interface LoopStatistics {
  /** Callbacks queued for the next iteration. */
  ready: number;
  /** Live (not cancelled) timers. */
  timers: number;
  /** Cancelled timers still in the heap, waiting to be dropped. */
  cancelledTimers: number;
  /** Tasks not done yet. */
  tasks: number;
  /** Outside operations registered with `trackExternal` and not released. */
  external: number;
  /** True while a host timer (setTimeout) is armed to wake the loop. */
  hostTimerArmed: boolean;
}

// Rebuild the heap once more than half its entries are cancelled (asyncio's rule).
const MIN_SCHEDULED_TIMER_HANDLES = 100;
const MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5;
// How many iterations `advance()` runs before it decides a callback reschedules itself forever.
const MAX_ADVANCE_ITERATIONS = 50_000_000;

function runHandle(handle: Handle): void {
  handle._run();
}

function runTimer(timer: TimerEntry): void {
  timer._run();
}

function checkDelay(name: string, value: unknown): number {
  if (typeof value !== "number") {
    throw new TypeError(`${name} must be a number of milliseconds, got ${describe(value)}`);
  }
  if (!Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number of milliseconds, got ${value}`);
  }
  return value;
}

function checkCallback(name: string, value: unknown): void {
  if (typeof value !== "function") {
    throw new TypeError(`${name} must be a function, got ${describe(value)}`);
  }
}

/** @internal A composite of the installed instruments, so the hot path checks one field. */
function combine(list: I.LoopInstrument[]): I.LoopInstrument | null {
  if (list.length === 0) return null;
  if (list.length === 1) return list[0]!;
  const keys = [
    "taskCreated",
    "stepStarted",
    "stepEnded",
    "taskSuspended",
    "cancelRequested",
    "taskDone",
    "callbackRan",
  ] as const;
  const out: Record<string, Function> = {};
  for (const key of keys) {
    const fns = list.map((i) => i[key]?.bind(i)).filter((f) => f !== undefined) as Function[];
    if (fns.length > 0) {
      out[key] = (...args: unknown[]) => {
        for (const f of fns) f(...args);
      };
    }
  }
  return out as I.LoopInstrument;
}

/**
 * corio's event loop: a FIFO ready queue, a timer heap with FIFO order for equal deadlines, a real,
 * virtual or manual clock, and the registry of its tasks.
 *
 * Most code never makes one: `run()` from `@corio/task` does. Inside a coroutine,
 * `getRunningLoop()` returns it.
 *
 * @asyncio `asyncio.BaseEventLoop`
 * @example
 * const loop = new EventLoop({ clock: "manual" });
 * loop.callLater(1000, () => console.log("one second"));
 * loop.advance(1000); // prints "one second"; loop.time() === 1000
 * loop.close();
 */
export class EventLoop implements I.EventLoop {
  /** @internal */ readonly _ready = new ReadyQueue();
  /** @internal */ readonly _timers = new TimerQueue();
  /** @internal */ _timerCancelledCount = 0;
  /** @internal */ _hooks: I.LoopInstrument | null = null;
  /** @internal Failures nobody has retrieved yet (see unretrieved.ts). */
  readonly _unretrieved = new Unretrieved((context) => this.callExceptionHandler(context));
  /** @internal Live tasks, in creation order. */ readonly _tasks = new TaskList<
    I.TaskLike<unknown>
  >();
  /** @internal */ _currentTask: I.TaskLike<unknown> | null = null;
  /** @internal Count of tasks created, for default names. */ _taskCounter = 0;

  private readonly _clock: ClockKind;
  private _now = 0;
  private _seq = 0;
  private readonly _debug: boolean;
  private readonly _slow: number;
  private readonly _budget: number;
  private readonly _scale: number;
  private readonly _origin: number;
  private readonly _paced: boolean;
  private _pacedUntil = 0;
  private _taskFactory: I.TaskFactory | null;
  private _exceptionHandler: I.ExceptionHandler | null = null;
  private readonly _instruments: I.LoopInstrument[] = [];
  private readonly _external = new Set<{ label: string }>();
  private readonly _closeCallbacks = new Set<() => void>();
  private _signals: SignalHandlers | null = null;

  private _closed = false;
  private _running = false;
  private _stopping = false;
  private _inBatch = false;
  private _wakeScheduled = false;
  private _hostTimer: ReturnType<typeof setTimeout> | null = null;
  private _main: I.FutureLike<unknown> | null = null;
  private _settle: ((error: unknown, failed: boolean) => void) | null = null;
  /** What the host calls to run a batch (see `viaMicrotask` for why through a microtask). */
  private readonly _runBatchBound = viaMicrotask(() => this._runBatch());

  constructor(options: EventLoopOptions = {}) {
    const clock = options.clock ?? "real";
    if (clock !== "real" && clock !== "virtual" && clock !== "manual") {
      throw new TypeError(
        `options.clock must be "real", "virtual" or "manual", got ${describe(clock)}`,
      );
    }
    this._clock = clock;
    this._debug = options.debug ?? false;
    this._slow = options.slowCallbackDuration ?? 100;
    this._budget = options.batchBudget ?? 8;
    this._taskFactory = options.taskFactory ?? null;
    const scale = options.timeScale ?? 1;
    if (typeof scale !== "number" || !(scale > 0) || !Number.isFinite(scale)) {
      throw new RangeError(
        `options.timeScale must be a positive finite number, got ${describe(scale)}`,
      );
    }
    this._scale = scale;
    this._paced = clock === "virtual" && options.timeScale !== undefined;
    // A real clock counts from the loop's creation, so every loop's time starts near 0.
    this._origin = realNow();
  }

  // --- time and scheduling --------------------------------------------------------------------

  /**
   * The loop's clock in milliseconds: `performance.now()` for a real clock, virtual time (from 0)
   * otherwise.
   *
   * @asyncio `loop.time` (which counts seconds)
   */
  time(): number {
    if (this._clock !== "real") return this._now;
    return (realNow() - this._origin) * this._scale;
  }

  /** Which clock this loop reads. */
  clock(): ClockKind {
    return this._clock;
  }

  /**
   * Schedules `callback` for the next loop iteration, after every callback already scheduled.
   *
   * @asyncio `loop.call_soon`
   * @throws {TypeError} if `callback` is not a function.
   * @throws {@link RuntimeError} if the loop is closed.
   * @example
   * loop.callSoon(() => log.push("soon"));
   */
  callSoon(callback: () => void): Handle {
    checkCallback("callSoon(callback): callback", callback);
    const handle = new Handle(this, callback, undefined);
    this._push(runHandle, handle);
    return handle;
  }

  /**
   * Schedules `callback` to run `delay` ms from now. A delay of 0 or less means as soon as
   * possible, after the callbacks already ready; equal deadlines run in scheduling order.
   *
   * @asyncio `loop.call_later`
   * @throws {TypeError} if `delay` is not a number or `callback` not a function.
   * @throws {RangeError} if `delay` is NaN or infinite.
   * @throws {@link RuntimeError} if the loop is closed.
   * @example
   * const timer = loop.callLater(1500, () => console.log("1.5 s later"));
   * timer.cancel(); // changed our mind
   */
  callLater(delay: number, callback: () => void): TimerHandle {
    checkDelay("callLater(delay): delay", delay);
    checkCallback("callLater(delay, callback): callback", callback);
    const timer = new TimerHandle(this, 0, -1, callback, undefined); // _timerEntry sets when, seq
    this._timerEntry(timer, delay);
    return timer;
  }

  /**
   * Schedules `callback` at loop time `when` (ms, as `loop.time()` counts). A time already past
   * means as soon as possible.
   *
   * @asyncio `loop.call_at`
   * @throws {TypeError} if `when` is not a number or `callback` not a function.
   * @throws {RangeError} if `when` is NaN or infinite.
   * @throws {@link RuntimeError} if the loop is closed.
   */
  callAt(when: number, callback: () => void): TimerHandle {
    checkDelay("callAt(when): when", when);
    checkCallback("callAt(when, callback): callback", callback);
    return this._timerAt(when, callback, undefined);
  }

  /** @internal Schedules `fn(arg)` at `when` without a closure; used by timeouts. */
  _timerAt<A>(when: number, fn: (arg: A) => void, arg: A): TimerHandle {
    this._checkClosed();
    const timer = new TimerHandle(this, when, this._seq++, fn, arg);
    this._timers.pushAt(timer);
    if (!this._inBatch) this._wake();
    return timer;
  }

  /**
   * @internal Queues a timer to run `delay` ms from now: a `callLater` handle, or an object that
   * is its own timer (a sleep's future). Sets its `_when` and `_seq`; knowing the delay lets the
   * timer queue file it with the others of that delay. The caller sets `_callback` to something
   * non-null first, and cancels with `_cancelTimer`.
   */
  _timerEntry(entry: TimerEntry, delay: number): void {
    if (this._closed) this._checkClosed();
    entry._when = this.time() + delay;
    entry._seq = this._seq++;
    this._timers.push(entry, delay);
    if (!this._inBatch) this._wake();
  }

  /** @internal Queues `fn(a, b)` for the next iteration; allocates nothing. */
  _push<A, B = undefined>(fn: (a: A, b: B) => void, a: A, b?: B): void {
    if (this._closed) this._checkClosed();
    this._ready.push(fn, a, b);
    if (!this._inBatch) this._wake();
  }

  /**
   * @internal Cancels a timer entry: drops its callback and, while it is still queued (`_seq` is
   * not -1), counts it until the queue drops it lazily.
   */
  _cancelTimer(entry: TimerEntry): void {
    entry._callback = null;
    if (entry._seq >= 0) this._timerCancelledCount++;
  }

  /**
   * Makes a pending future bound to this loop.
   *
   * @asyncio `loop.create_future`
   * @param label - shown in task listings as what a task waits on, e.g. `"Queue.get()"`.
   */
  createFuture<T>(label?: string): Future<T> {
    return new Future<T>(this, label);
  }

  /**
   * Wraps a coroutine in a task through the loop's task factory.
   *
   * @asyncio `loop.create_task`
   * @throws {@link RuntimeError} if the loop is closed or has no task factory (loops made by
   * `run()` always have one).
   */
  createTask<T>(coro: I.Coroutine<T>, options?: I.TaskOptions): I.TaskLike<T> {
    this._checkClosed();
    if (this._taskFactory === null) {
      throw new RuntimeError(
        "this loop has no task factory: create loops with run() from @corio/task, or pass options.taskFactory",
      );
    }
    return this._taskFactory(this, coro, options);
  }

  /** @asyncio `loop.set_task_factory` */
  setTaskFactory(factory: I.TaskFactory | null): void {
    if (factory !== null && typeof factory !== "function") {
      throw new TypeError(
        `setTaskFactory(factory): factory must be a function or null, got ${describe(factory)}`,
      );
    }
    this._taskFactory = factory;
  }

  /** @asyncio `loop.get_task_factory` */
  getTaskFactory(): I.TaskFactory | null {
    return this._taskFactory;
  }

  /** The task whose step is running now, or `null`. @asyncio `asyncio.current_task` */
  currentTask(): I.TaskLike<unknown> | null {
    return this._currentTask;
  }

  /** Every task of this loop that is not done. @asyncio `asyncio.all_tasks` */
  allTasks(): Set<I.TaskLike<unknown>> {
    return new Set(this._tasks);
  }

  // --- errors -----------------------------------------------------------------------------------

  /** @asyncio `loop.set_exception_handler` */
  setExceptionHandler(handler: I.ExceptionHandler | null): void {
    if (handler !== null && typeof handler !== "function") {
      throw new TypeError(
        `setExceptionHandler(handler): handler must be a function or null, got ${describe(handler)}`,
      );
    }
    this._exceptionHandler = handler;
  }

  /** @asyncio `loop.get_exception_handler` */
  getExceptionHandler(): I.ExceptionHandler | null {
    return this._exceptionHandler;
  }

  /**
   * Prints `context.message` and the error with `console.error`.
   *
   * @asyncio `loop.default_exception_handler`
   */
  defaultExceptionHandler(context: I.ExceptionContext): void {
    const { message, exception, ...rest } = context;
    const details = Object.entries(rest)
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join("\n");
    if (exception !== undefined) console.error(message, details ? `\n${details}\n` : "", exception);
    else console.error(message, details ? `\n${details}` : "");
  }

  /**
   * Reports an error that has nobody to catch it: calls the installed handler, or the default one.
   * A handler that throws is reported with `console.error` instead of breaking the loop.
   *
   * @asyncio `loop.call_exception_handler`
   */
  callExceptionHandler(context: I.ExceptionContext): void {
    const handler = this._exceptionHandler;
    if (handler === null) {
      this.defaultExceptionHandler(context);
      return;
    }
    try {
      handler(this, context);
    } catch (error) {
      console.error("Unhandled error in exception handler", error, context);
    }
  }

  // --- instrumentation and external work ------------------------------------------------------------

  /**
   * Installs instrumentation hooks (see `LoopInstrument`); returns a function that removes them.
   *
   * @example
   * const remove = loop.addInstrument({ taskDone: (t) => console.log("done", t.getName()) });
   */
  addInstrument(instrument: I.LoopInstrument): () => void {
    if (typeof instrument !== "object" || instrument === null) {
      throw new TypeError(
        `addInstrument(instrument): instrument must be an object, got ${describe(instrument)}`,
      );
    }
    this._instruments.push(instrument);
    this._hooks = combine(this._instruments);
    return () => {
      const i = this._instruments.indexOf(instrument);
      if (i >= 0) {
        this._instruments.splice(i, 1);
        this._hooks = combine(this._instruments);
      }
    };
  }

  /**
   * Tells the loop that work outside it (a promise, an I/O request) may still schedule callbacks:
   * until the returned release function is called, a virtual clock does not jump and the loop is
   * not considered deadlocked.
   *
   * @example
   * const release = loop.trackExternal("fetch /data");
   * fetch("/data").finally(release);
   */
  trackExternal(label: string): () => void {
    const token = { label };
    this._external.add(token);
    return () => {
      if (this._external.delete(token) && !this._inBatch) this._wake();
    };
  }

  /**
   * Runs `callback` when the loop closes, after its pending callbacks and timers are dropped. I/O
   * packages register the host resources they open (sockets, servers, child processes, workers)
   * so that none outlives `run()`. Callbacks run newest first; one that throws is reported
   * through the exception handler and the rest still run.
   *
   * @returns a function that unregisters `callback` (call it when the resource closes by itself).
   * @throws {TypeError} if `callback` is not a function.
   * @throws {@link RuntimeError} if the loop is already closed.
   * @example
   * const server = net.createServer();
   * const forget = loop.addCloseCallback(() => server.close());
   * server.on("close", forget);
   */
  addCloseCallback(callback: () => void): () => void {
    checkCallback("addCloseCallback(callback): callback", callback);
    this._checkClosed();
    // A wrapper per registration, so the same function registered twice runs twice.
    const entry = () => callback();
    this._closeCallbacks.add(entry);
    return () => {
      this._closeCallbacks.delete(entry);
    };
  }

  /**
   * Runs `callback` on the loop each time the process receives `sig` (`"SIGTERM"`, or its number),
   * replacing this loop's earlier handler for it. Closing the loop removes its handlers. Node.js
   * only (see signals.ts).
   *
   * @asyncio `loop.add_signal_handler`
   * @throws {TypeError} if `sig` is not a name or number, or `callback` not a plain function.
   * @throws {RangeError} if `sig` is no signal of this platform.
   * @throws {@link RuntimeError} outside Node.js, for SIGKILL/SIGSTOP, or if the loop is closed.
   * @example
   * loop.addSignalHandler("SIGTERM", () => mainTask.cancel());
   */
  addSignalHandler(sig: string | number, callback: () => void): void {
    this._signalTable().add(sig, callback);
  }

  /**
   * Removes this loop's handler for `sig`; returns whether there was one.
   *
   * @asyncio `loop.remove_signal_handler`
   * @throws the same argument errors as {@link EventLoop.addSignalHandler}.
   */
  removeSignalHandler(sig: string | number): boolean {
    return this._signalTable().remove(sig);
  }

  /** @internal This loop's signal handlers (`run()` installs its SIGINT handler through it). */
  _signalTable(): SignalHandlers {
    return (this._signals ??= new SignalHandlers(this));
  }

  /**
   * What the loop holds right now, for tests and tools.
   *
   * @example
   * loop.statistics(); // { ready: 0, timers: 3, cancelledTimers: 1, tasks: 2, external: 0 }
   */
  statistics(): LoopStatistics {
    return {
      ready: this._ready.length,
      timers: this._timers.size - this._timerCancelledCount,
      cancelledTimers: this._timerCancelledCount,
      tasks: this._tasks.size,
      external: this._external.size,
      hostTimerArmed: this._hostTimer !== null,
    };
  }

  // --- state --------------------------------------------------------------------------------------

  /** True while the loop is running (inside `runUntilComplete` or `advance`). @asyncio `loop.is_running` */
  isRunning(): boolean {
    return this._running;
  }

  /** @asyncio `loop.is_closed` */
  isClosed(): boolean {
    return this._closed;
  }

  /** @asyncio `loop.get_debug` */
  getDebug(): boolean {
    return this._debug;
  }

  /**
   * Closes the loop: drops pending callbacks and cancels every timer (no host timer is left
   * behind), then reports each future or task whose exception was never retrieved.
   *
   * @asyncio `loop.close`
   * @throws {@link RuntimeError} if the loop is running.
   */
  close(): void {
    if (this._running) throw new RuntimeError("Cannot close a running event loop");
    if (this._closed) return;
    this._closed = true;
    this._ready.clear();
    for (const timer of this._timers.clear()) {
      timer._seq = -1; // out of the queue first, so cancelling does not count it
      // A handle is cancelled; a sleep's own timer is dropped, its future left pending (as the
      // handle of a sleep used to be cancelled without touching the future).
      if (timer instanceof TimerHandle) timer.cancel();
      else timer._callback = null;
    }
    this._timerCancelledCount = 0;
    this._clearHostTimer();
    const closers = [...this._closeCallbacks].reverse();
    this._closeCallbacks.clear();
    for (const closer of closers) {
      try {
        closer();
      } catch (error) {
        this.callExceptionHandler({ message: "error in a close callback", exception: error });
      }
    }
    this._unretrieved.flush();
  }

  /**
   * A listing of every pending task: name, state, what it waits on, and (in debug mode) where it
   * was created. Child tasks are indented under the task that created them.
   *
   * @example
   * console.log(getRunningLoop().formatTasks());
   */
  formatTasks(): string {
    return formatTasks(
      this._tasks as unknown as TaskList<TaskView>,
      this._currentTask,
      [...this._external].map((e) => e.label),
    );
  }

  // --- running ------------------------------------------------------------------------------------

  /**
   * Runs the loop until `future` is done; resolves with its result or rejects with its error.
   * Rejects with {@link DeadlockError} if the loop runs dry first: nothing ready, no timer, nothing
   * outside pending, and `future` still not done.
   *
   * @asyncio `loop.run_until_complete`
   * @throws {@link RuntimeError} if the loop is closed, already running, or uses a manual clock
   * (drive those with `advance`), or if another loop is running in this call stack.
   */
  runUntilComplete<T>(future: I.FutureLike<T>): Promise<T> {
    this._checkClosed();
    if (this._running) throw new RuntimeError("This event loop is already running");
    if (this._clock === "manual") {
      throw new RuntimeError(
        "a loop with a manual clock is driven by advance(ms), not runUntilComplete()",
      );
    }
    if (getRunningLoopOrNull() !== null) {
      throw new RuntimeError("Cannot run the event loop while another loop is running");
    }
    return new Promise<T>((resolve, reject) => {
      this._running = true;
      this._stopping = false;
      this._main = future;
      this._settle = (error, failed) => {
        this._running = false;
        this._settle = null;
        this._main = null;
        this._clearHostTimer();
        if (failed) reject(error);
        else {
          try {
            resolve(future.result());
          } catch (e) {
            reject(e);
          }
        }
      };
      if (future.done()) this._stopping = true;
      else future.addDoneCallback(() => this.stop());
      this._runBatch();
    });
  }

  /**
   * Stops the loop after the current iteration; `runUntilComplete` then settles.
   *
   * @asyncio `loop.stop`
   */
  stop(): void {
    this._stopping = true;
    if (this._running && !this._inBatch) this._wake();
  }

  /**
   * Manual and virtual clocks: moves time forward by `ms`, running every callback and timer that
   * comes due on the way, in order, synchronously. `advance(0)` runs what is ready now.
   *
   * @throws {@link RuntimeError} on a real clock, a closed or running loop, or when callbacks keep
   * rescheduling themselves without end.
   * @throws {RangeError} if `ms` is negative or not finite.
   * @example
   * const loop = new EventLoop({ clock: "manual" });
   * loop.callLater(10, () => console.log("t=10"));
   * loop.advance(5); // nothing yet
   * loop.advance(5); // prints "t=10"
   */
  advance(ms = 0): void {
    checkDelay("advance(ms): ms", ms);
    if (ms < 0) throw new RangeError(`advance(ms): ms must not be negative, got ${ms}`);
    this._checkClosed();
    if (this._clock === "real") throw new RuntimeError("advance() needs a virtual or manual clock");
    if (this._running)
      throw new RuntimeError("advance() cannot be called while the loop is running");
    const target = this._now + ms;
    const previous = setRunningLoop(this);
    this._running = true;
    this._inBatch = true;
    try {
      for (let n = 0; ; n++) {
        if (n > MAX_ADVANCE_ITERATIONS) {
          throw new RuntimeError("advance(): callbacks kept rescheduling themselves; giving up");
        }
        if (this._ready.length === 0) {
          const next = this._nextTimer();
          if (next === undefined || next._when > target) break;
          if (next._when > this._now) this._now = next._when;
        }
        this._runOnce();
      }
      this._now = target;
    } finally {
      this._inBatch = false;
      this._running = false;
      this._stopping = false;
      setRunningLoop(previous);
    }
  }

  /** @internal One iteration: due timers join the ready queue, then the ready callbacks run. */
  _runOnce(): void {
    const timers = this._timers;
    if (timers.size > 0) {
      if (
        timers.size > MIN_SCHEDULED_TIMER_HANDLES &&
        this._timerCancelledCount / timers.size > MIN_CANCELLED_TIMER_HANDLES_FRACTION
      ) {
        this._rebuildTimers();
      }
      const now = this.time();
      const ready = this._ready;
      for (let top = timers.popDue(now); top !== undefined; top = timers.popDue(now)) {
        top._seq = -1;
        if (top._callback !== null) ready.push(runTimer, top);
        else this._timerCancelledCount--; // a cancelled timer is dropped when it comes due
      }
    }
    const ready = this._ready;
    let ntodo = ready.length;
    if (this._debug) {
      while (ntodo-- > 0) {
        const t0 = realNow();
        ready.runFirst();
        const dt = realNow() - t0;
        if (dt >= this._slow) {
          console.warn(
            `corio: a callback took ${dt.toFixed(1)} ms (slowCallbackDuration is ${this._slow} ms)`,
          );
        }
      }
    } else {
      while (ntodo-- > 0) ready.runFirst();
    }
  }

  private _rebuildTimers(): void {
    this._timers.filter((t) => {
      if (t._callback !== null) return true;
      t._seq = -1;
      return false;
    });
    this._timerCancelledCount = 0;
  }

  /** The earliest live timer, dropping cancelled ones from the top. */
  private _nextTimer(): TimerEntry | undefined {
    const timers = this._timers;
    for (;;) {
      const top = timers.peek();
      if (top === undefined || top._callback !== null) return top;
      timers.pop();
      top._seq = -1;
      this._timerCancelledCount--;
    }
  }

  /** Runs iterations until the loop stops, runs dry, or has used its time budget. */
  private _runBatch(): void {
    this._wakeScheduled = false;
    this._clearHostTimer();
    if (!this._running || this._closed) return;
    const previous = setRunningLoop(this);
    this._inBatch = true;
    const started = realNow();
    try {
      for (let n = 1; ; n++) {
        this._runOnce();
        if (this._stopping) {
          this._stopping = false;
          this._finish(undefined, false);
          return;
        }
        if (this._ready.length === 0) {
          const next = this._nextTimer();
          if (next === undefined) {
            if (this._external.size === 0) this._deadlock();
            return; // something outside will wake us
          }
          if (this._clock === "virtual") {
            if (this._external.size > 0) return;
            if (next._when > this._now) {
              if (this._paced && next._when > this._pacedUntil) {
                this._paceTo(next._when);
                return;
              }
              this._now = next._when;
            }
          } else {
            const delay = (next._when - this.time()) / this._scale;
            if (delay > 0) {
              this._hostTimer = hostTimer(this._runBatchBound, delay);
              return;
            }
          }
        }
        if ((n & 15) === 0 && realNow() - started >= this._budget) {
          this._wakeScheduled = true;
          scheduleImmediate(this._runBatchBound);
          return;
        }
      }
    } catch (error) {
      // A failure of the loop itself (not of a callback: those go to the exception handler).
      this._finish(error, true);
    } finally {
      this._inBatch = false;
      setRunningLoop(previous);
    }
  }

  /** Paced virtual clock: let real time catch up before jumping to `target`. */
  private _paceTo(target: number): void {
    const delay = (target - this._now) / this._scale;
    this._hostTimer = hostTimer(() => {
      this._hostTimer = null;
      this._pacedUntil = target;
      this._runBatch();
    }, delay);
  }

  private _finish(error: unknown, failed: boolean): void {
    const settle = this._settle;
    if (settle !== null) settle(error, failed);
  }

  private _deadlock(): void {
    const main = this._main;
    if (main === null || main.done()) return;
    if (this._signals?.waitsForSignal()) return; // waiting for a signal (see signals.ts)
    const listing = this.formatTasks();
    this._finish(
      new DeadlockError(
        `deadlock: no task can make progress (nothing ready, no timer, nothing outside the loop pending) and the main task is not done\n${listing}`,
      ),
      true,
    );
  }

  /** Makes sure a batch runs soon; used when work arrives from outside a batch. */
  private _wake(): void {
    if (!this._running || this._wakeScheduled || this._clock === "manual") return;
    this._wakeScheduled = true;
    this._clearHostTimer();
    scheduleImmediate(this._runBatchBound);
  }

  private _clearHostTimer(): void {
    if (this._hostTimer !== null) {
      clearTimeout(this._hostTimer);
      this._hostTimer = null;
    }
  }

  private _checkClosed(): void {
    if (this._closed) throw new RuntimeError("Event loop is closed");
  }
}
