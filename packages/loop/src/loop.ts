/**
 * The event loop's public API: scheduling, futures and tasks, errors, instruments, closing, and
 * running. The parts live beside it: the ready queue (`ready-queue.ts`), the timer queue
 * (`timer-queue.ts`), the clocks (`clocks.ts`), one iteration and how batches of them run inside
 * the host (`driver.ts`, `advance.ts`), and the contract the task package uses (`task-host.ts`).
 */
import {
  type CallbackOptions,
  type Clock,
  type Coroutine,
  describeValue as describe,
  type EventLoopLike,
  type ExceptionContext,
  type ExceptionHandler,
  type FutureLike,
  type LoopInstrument,
  RuntimeError,
  TASK_HOST,
  type TaskFactory,
  type TaskHost,
  type TaskLike,
  type TaskOptions,
  type TimerEntry,
} from "@corio/interfaces";
import { advance } from "./advance.js";
import { type ClockKind, clockFromOptions } from "./clocks.js";
import { contextOption } from "./context.js";
import { HostDriver } from "./driver.js";
import { callHandler, printContext } from "./exceptions.js";
import { Future, LabelledFuture } from "./future.js";
import { Handle, TimerHandle } from "./handles.js";
import { addToList } from "./instruments.js";
import {
  checkCallback,
  checkDelay,
  type EventLoopOptions,
  type LoopStatistics,
} from "./options.js";
import { Outside } from "./outside.js";
import { ReadyQueue } from "./ready-queue.js";
import { SignalHandlers } from "./signals.js";
import { LoopTaskHost } from "./task-host.js";
import { TimerQueue } from "./timer-queue.js";
import { Unretrieved } from "./unretrieved.js";

function runHandle(handle: Handle): void {
  handle._run();
}

/**
 * corio's event loop: a FIFO ready queue, a timer queue with FIFO order for equal deadlines, a
 * clock (real, virtual, manual or your own), and the tasks it drives.
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
export class EventLoop implements EventLoopLike {
  /** The contract the task package uses (see `TaskHost` in `@corio/interfaces`). */
  readonly [TASK_HOST]: TaskHost;
  /** @internal */ readonly _host: LoopTaskHost;
  /** @internal */ readonly _ready = new ReadyQueue();
  /** @internal */ readonly _timers = new TimerQueue();
  /** @internal The instruments combined (the same object as `_host.hooks`). */
  _hooks: LoopInstrument | null = null;
  /** @internal Failures nobody has retrieved yet (see unretrieved.ts). */
  readonly _unretrieved = new Unretrieved((context) => this.callExceptionHandler(context));
  /** @internal */ readonly _clock: Clock;
  /** @internal */ readonly _driver: HostDriver;
  /** @internal Work outside the loop: `trackExternal` tokens and close callbacks. */
  readonly _outside = new Outside();
  /** @internal */ _closed = false;
  /** @internal */ _running = false;
  /** @internal */ _stopping = false;
  /** @internal True while iterations run (a batch or `advance`): scheduling needs no wake-up. */
  _inBatch = false;

  /** @internal */ private _seq = 0;
  /** @internal This loop's signal handlers, made on first use (see signals.ts). */
  private _signals: SignalHandlers | null = null;
  /** @internal */ readonly _debug: boolean;
  /** @internal Debug mode reports callbacks slower than this (ms). */ readonly _slow: number;
  /** @internal */ private _taskFactory: TaskFactory | null;
  /** @internal */ private _exceptionHandler: ExceptionHandler | null = null;
  /** @internal */ private readonly _instruments: LoopInstrument[] = [];

  /**
   * @throws {TypeError} if `options.clock` is neither a built-in clock's name nor a `Clock`.
   * @throws {RangeError} if `options.timeScale` is not a positive finite number.
   */
  constructor(options: EventLoopOptions = {}) {
    this._clock = clockFromOptions(options.clock, options.timeScale);
    this._debug = options.debug ?? false;
    this._slow = options.slowCallbackDuration ?? 100;
    this._taskFactory = options.taskFactory ?? null;
    this._driver = new HostDriver(this, options.batchBudget ?? 8);
    this._host = new LoopTaskHost(this);
    this[TASK_HOST] = this._host;
  }

  // --- time and scheduling --------------------------------------------------------------------

  /**
   * The loop's time in milliseconds, as its clock reads it: from the loop's creation for a real
   * clock, virtual time (from 0) for a virtual or manual one.
   *
   * @asyncio `loop.time` (which counts seconds)
   */
  time(): number {
    return this._clock.now();
  }

  /** Which built-in clock this loop reads, or `"custom"` for a `Clock` object of your own. */
  clock(): ClockKind | "custom" {
    return (this._clock as { kind?: ClockKind }).kind ?? "custom";
  }

  /** The clock object this loop reads (see `Clock` in `@corio/interfaces`). */
  getClock(): Clock {
    return this._clock;
  }

  /**
   * Schedules `callback` for the next loop iteration, after every callback already scheduled. It
   * runs in `options.context`, or in a copy of the context current now.
   *
   * @asyncio `loop.call_soon`
   * @throws {TypeError} if `callback` is not a function or `options.context` not a `Context`.
   * @throws {@link RuntimeError} if the loop is closed.
   * @example
   * loop.callSoon(() => log.push("soon"));
   */
  callSoon(callback: () => void, options?: CallbackOptions): Handle {
    checkCallback("callSoon(callback): callback", callback);
    const ctx = contextOption("callSoon(callback, options)", options);
    const handle = new Handle(this, callback, ctx);
    this._push(runHandle, handle);
    return handle;
  }

  /**
   * Schedules `callback` to run `delay` ms from now. A delay of 0 or less means as soon as
   * possible, after the callbacks already ready; equal deadlines run in scheduling order. It runs in
   * `options.context`, or in a copy of the context current now.
   *
   * @asyncio `loop.call_later`
   * @throws {TypeError} if `delay` is not a number, `callback` not a function or `options.context`
   * not a `Context`.
   * @throws {RangeError} if `delay` is NaN or infinite.
   * @throws {@link RuntimeError} if the loop is closed.
   * @example
   * const timer = loop.callLater(1500, () => console.log("1.5 s later"));
   * timer.cancel(); // changed our mind
   */
  callLater(delay: number, callback: () => void, options?: CallbackOptions): TimerHandle {
    checkDelay("callLater(delay): delay", delay);
    checkCallback("callLater(delay, callback): callback", callback);
    const ctx = contextOption("callLater(delay, callback, options)", options);
    const timer = new TimerHandle(this, 0, -1, callback, ctx); // _startTimer sets when, seq
    this._startTimer(timer, delay);
    return timer;
  }

  /**
   * Schedules `callback` at loop time `when` (ms, as `loop.time()` counts). A time already past
   * means as soon as possible. It runs in `options.context`, or in a copy of the context current now.
   *
   * @asyncio `loop.call_at`
   * @throws {TypeError} if `when` is not a number, `callback` not a function or `options.context`
   * not a `Context`.
   * @throws {RangeError} if `when` is NaN or infinite.
   * @throws {@link RuntimeError} if the loop is closed.
   */
  callAt(when: number, callback: () => void, options?: CallbackOptions): TimerHandle {
    checkDelay("callAt(when): when", when);
    checkCallback("callAt(when, callback): callback", callback);
    const ctx = contextOption("callAt(when, callback, options)", options);
    this._checkClosed();
    const timer = new TimerHandle(this, when, this._seq++, callback, ctx);
    this._timers.pushAt(timer);
    if (!this._inBatch) this._driver.wake();
    return timer;
  }

  /**
   * @internal Queues a timer to run `delay` ms from now: a `callLater` handle, or an object that
   * is its own timer (a sleep). Sets its `timerWhen` and `timerSeq`; knowing the delay lets the
   * timer queue file it with the others of that delay. The caller sets `callback` first.
   */
  _startTimer(entry: TimerEntry, delay: number): void {
    if (this._closed) this._checkClosed();
    entry.timerWhen = this.time() + delay;
    entry.timerSeq = this._seq++;
    this._timers.push(entry, delay);
    if (!this._inBatch) this._driver.wake();
  }

  /** @internal Queues `fn(a, b)` for the next iteration; allocates nothing. */
  _push<A, B = undefined>(fn: (a: A, b: B) => void, a: A, b?: B): void {
    if (this._closed) this._checkClosed();
    this._ready.push(fn, a, b);
    if (!this._inBatch) this._driver.wake();
  }

  /**
   * Makes a pending future bound to this loop.
   *
   * @asyncio `loop.create_future`
   * @param label - shown in task listings as what a task waits on, e.g. `"Queue.get()"`.
   */
  createFuture<T>(label?: string): Future<T> {
    return label === undefined ? new Future<T>(this) : new LabelledFuture<T>(this, label);
  }

  /**
   * Wraps a coroutine in a task through the loop's task factory.
   *
   * @asyncio `loop.create_task`
   * @throws {@link RuntimeError} if the loop is closed or has no task factory (loops made by
   * `run()` always have one).
   */
  createTask<T>(coro: Coroutine<T>, options?: TaskOptions): TaskLike<T> {
    this._checkClosed();
    if (this._taskFactory === null) {
      throw new RuntimeError(
        "this loop has no task factory: create loops with run() from @corio/task, or pass options.taskFactory",
      );
    }
    return this._taskFactory(this, coro, options);
  }

  /** @asyncio `loop.set_task_factory` */
  setTaskFactory(factory: TaskFactory | null): void {
    if (factory !== null) checkCallback("setTaskFactory(factory): factory", factory, " or null");
    this._taskFactory = factory;
  }

  /** @asyncio `loop.get_task_factory` */
  getTaskFactory(): TaskFactory | null {
    return this._taskFactory;
  }

  /** The task whose step is running now, or `null`. @asyncio `asyncio.current_task` */
  currentTask(): TaskLike<unknown> | null {
    return this._host.current;
  }

  /** Every task of this loop that is not done. @asyncio `asyncio.all_tasks` */
  allTasks(): Set<TaskLike<unknown>> {
    return new Set(this._host.tasks ?? []);
  }

  // --- errors -----------------------------------------------------------------------------------

  /** @asyncio `loop.set_exception_handler` */
  setExceptionHandler(handler: ExceptionHandler | null): void {
    if (handler !== null)
      checkCallback("setExceptionHandler(handler): handler", handler, " or null");
    this._exceptionHandler = handler;
  }

  /** @asyncio `loop.get_exception_handler` */
  getExceptionHandler(): ExceptionHandler | null {
    return this._exceptionHandler;
  }

  /**
   * Prints `context.message` and the error with `console.error`.
   *
   * @asyncio `loop.default_exception_handler`
   */
  defaultExceptionHandler(context: ExceptionContext): void {
    printContext(context);
  }

  /**
   * Reports an error that has nobody to catch it: calls the installed handler, or the default one.
   * A handler that throws is reported with `console.error` instead of breaking the loop.
   *
   * @asyncio `loop.call_exception_handler`
   */
  callExceptionHandler(context: ExceptionContext): void {
    const handler = this._exceptionHandler;
    if (handler === null) this.defaultExceptionHandler(context);
    else callHandler(handler, this, context);
  }

  // --- instrumentation and external work ------------------------------------------------------------

  /**
   * Installs instrumentation hooks (see `LoopInstrument`); returns a function that removes them.
   *
   * @example
   * const remove = loop.addInstrument({ taskDone: (t) => console.log("done", t.getName()) });
   */
  addInstrument(instrument: LoopInstrument): () => void {
    if (typeof instrument !== "object" || instrument === null) {
      throw new TypeError(
        `addInstrument(instrument): instrument must be an object, got ${describe(instrument)}`,
      );
    }
    return addToList(this._instruments, instrument, (hooks) => {
      this._hooks = this._host.hooks = hooks;
    });
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
    return this._outside.track(label, () => {
      if (!this._inBatch) this._driver.wake();
    });
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
    return this._outside.addCloser(callback);
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
      timers: this._timers.size - this._timers.cancelled,
      cancelledTimers: this._timers.cancelled,
      tasks: this._host.tasks?.size ?? 0,
      external: this._outside.pending,
      hostTimerArmed: this._driver.hostTimerArmed,
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
      // A handle is cancelled; a sleep's own timer is dropped, its future left pending.
      if (timer instanceof TimerHandle) timer.cancel();
      else timer.callback = null;
    }
    this._driver.clearHostTimer();
    this._outside.runClosers((error) =>
      this.callExceptionHandler({ message: "error in a close callback", exception: error }),
    );
    this._unretrieved.flush();
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

  /** @internal True while a signal handler is all the loop waits for (see signals.ts). */
  _waitsForSignal(): boolean {
    return this._signals?.waitsForSignal() === true;
  }

  /**
   * A listing of every pending task: name, state, what it waits on, and (in debug mode) where it
   * was created. Child tasks are indented under the task that created them.
   *
   * @example
   * console.log(getRunningLoop().formatTasks());
   */
  formatTasks(): string {
    return this._host.listing(this._outside.labels());
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
  runUntilComplete<T>(future: FutureLike<T>): Promise<T> {
    this._checkClosed();
    return this._driver.run(future);
  }

  /**
   * Stops the loop after the current iteration; `runUntilComplete` then settles.
   *
   * @asyncio `loop.stop`
   */
  stop(): void {
    this._stopping = true;
    if (this._running && !this._inBatch) this._driver.wake();
  }

  /**
   * Manual and virtual clocks (any clock with `jumpTo`): moves time forward by `ms`, running every
   * callback and timer that comes due on the way, in order, synchronously. `advance(0)` runs what
   * is ready now.
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
    advance(this, ms);
  }

  /** @internal */
  _checkClosed(): void {
    if (this._closed) throw new RuntimeError("Event loop is closed");
  }
}
