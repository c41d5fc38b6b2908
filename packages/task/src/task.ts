/**
 * Task: drives a generator coroutine on the loop.
 *
 * How a step flows: the loop's ready queue calls `_step()`. The step resumes the coroutine with
 * `next()` (or `throw()` to deliver a cancellation or an error), and the coroutine runs until it
 * yields. What it yields decides what happens next:
 * - a pending future (reached through `yield* fut`): the task registers itself as the future's
 *   waker and sleeps; the future's completion queues the next step through the ready queue;
 * - `YIELD_NOW` (from `sleep(0)`): the next step is queued at once, one loop iteration later;
 * - anything else is a mistake, reported into the coroutine on the next step.
 * When the coroutine returns or throws, the task (a future) takes its result or exception.
 * Nothing here allocates per step: no closure, no promise, no iterator result beyond V8's own.
 */
import {
  CancelledError,
  type Coroutine,
  describeValue,
  type FutureLike,
  getTaskHost,
  InvalidStateError,
  isCancelledError,
  isFutureLike,
  messageText,
  RuntimeError,
  type TaskHost,
  type TaskLike,
  type TaskOptions,
  YIELD_NOW,
  type Yielded,
} from "@corio/interfaces";
import { checkCoroutine } from "@corio/internal";
import { Context, type EventLoop, Future } from "@corio/loop";
import { wantsEagerStart } from "./eager.js";
import { TaskList } from "./registry.js";
import { badYield, cannotWaitOn } from "./yield-errors.js";

/**
 * @internal What few tasks need: an error to throw in at the next step (after a bad yield), the
 * debug-mode creation stack, the AbortController behind `signal`, the callback that wakes the task
 * from a foreign future. Kept apart so that the common task carries one null field for all of them.
 */
interface TaskRare {
  /**
   * The coroutines below the running one, outermost first, while `call()` frames are open (see
   * call.ts): `frames[0]` is the task's own coroutine and `_coro` the innermost call.
   */
  frames: Coroutine<unknown>[] | null;
  /** The task's context of variables (see `Task.ctx`). */
  ctx: Context | null;
  /** The error to throw in at the next step (after a bad yield), or NO_ERROR. */
  pendingError: unknown;
  creationStack: string | undefined;
  abort: AbortController | null;
  foreignWakeup: (() => void) | null;
}

/**
 * Marks a generator that a task drives or drove. A generator runs under one task only: given to a
 * second task it would be stepped by both, and the second would end with whatever the first left
 * (asyncio raises "cannot reuse already awaited coroutine"). Checked once, when a task is made; a
 * mark on the generator costs a property store where a WeakSet of every coroutine cost a third of
 * spawning a task.
 */
export const DRIVEN: unique symbol = Symbol("corio.driven") as never;
/** What createTask and call() say of a generator that a task already drives. */
export const REUSED =
  "cannot reuse already awaited coroutine: a task drives this generator; call the generator function again for a new one";
/** 1: driven by a task; 2: handed to `call()` and yielded, not yet taken by the task. */
export type Marked = { [DRIVEN]?: 1 | 2 };

/** No error waits to be thrown in (any value, undefined included, can be thrown). */
const NO_ERROR: unique symbol = Symbol("no error");

/** Bits of `Task._flags`. */
const MUST_CANCEL = 1;
export const YIELDED = 2;
/** The cancellation count sits above the flag bits: one request adds COUNT_ONE. */
const COUNT_SHIFT = 2;
const COUNT_ONE = 4;

/** The tasks whose `cancel()` is passing the request on to what they wait on, innermost last. */
const cancelling: Task<unknown>[] = [];

/** @internal The ready-queue entry for a step; shared by every task. */
function stepTask(task: Task<unknown>): void {
  task._step();
}

/**
 * A coroutine scheduled on the loop, and a future of its return value.
 *
 * Tasks start on the next loop iteration, in creation order. `cancel()` throws `CancelledError`
 * into the coroutine exactly at the `yield*` where it waits; its `finally` blocks run. A coroutine
 * that catches the error and returns makes the task finish normally, as in asyncio.
 *
 * @asyncio `asyncio.Task`
 * @example
 * const task = createTask(crawlPage("url_1"), { name: "crawl-1" });
 * yield* sleep(100);
 * task.cancel();
 */
export class Task<T> extends Future<T> implements TaskLike<T> {
  /** @internal The coroutine a step resumes: the task's own, or the innermost `call()` frame. */
  _coro: Coroutine<unknown>;
  /**
   * @internal The name, or the task's number until someone asks: most tasks are never named, so the
   * default `Task-N` string is made on first `getName()` (as asyncio does since 3.12).
   */
  _name: string | number;
  /** @internal Links of the loop's live-task list (see `TaskList`). */
  _prevLive: Task<unknown> | null = null;
  /** @internal */ _nextLive: Task<unknown> | null = null;
  /**
   * @internal The MUST_CANCEL and YIELDED bits, and above them the number of cancellation
   * requests (`cancelling()`): three fields in one small integer, 16 bytes less per task.
   */
  _flags = 0;
  /** @internal */ _futWaiter: FutureLike<unknown> | null = null;
  /** @internal */ _parent: Task<unknown> | null;
  /** @internal */ _rare: TaskRare | null = null;

  /**
   * @internal What the task uses of its loop (see `TaskHost` in `@corio/interfaces`). Derivable
   * from the loop, but read on every step: a field is measurably faster than a lookup there.
   */
  _host: TaskHost;

  // A pending task is the largest object of a program with many waiting tasks (W4 in the
  // benchmark), so what is rarely set is not a field of its own: the context lives with the rare
  // fields, and two flags and a count share one number.

  /**
   * @internal The task's context of variables (contextvars): a copy of its creator's, or the one
   * given; null for an empty one, made only when the task sets a variable.
   */
  get ctx(): Context | null {
    const rare = this._rare;
    return rare === null ? null : rare.ctx;
  }
  set ctx(ctx: Context | null) {
    if (ctx !== null || this._rare !== null) this._rareFields().ctx = ctx;
  }

  /**
   * Use `createTask(coro)`; this constructor is what the task factory calls.
   *
   * @throws {TypeError} if `coro` is not a generator object, `options.name` not a string, or
   * `loop` offers no task host (it is not a corio loop).
   */
  constructor(coro: Coroutine<T>, loop: EventLoop, options?: TaskOptions) {
    super(loop);
    const host = getTaskHost(loop);
    if (host === null) {
      throw new TypeError(
        `Task(coro, loop): loop must be a corio EventLoop, got ${describeValue(loop)}`,
      );
    }
    checkCoroutine(coro, "createTask(coro): coro");
    if ((coro as Marked)[DRIVEN] !== undefined) {
      throw new RuntimeError(`createTask(coro): ${REUSED}`);
    }
    const name = options?.name;
    if (name !== undefined && typeof name !== "string") {
      throw new TypeError(
        `createTask(coro, options): options.name must be a string, got ${describeValue(name)}`,
      );
    }
    // contextvars: a copy of the current context, or the one given (shared, not copied).
    const ctx = host.contextOption("createTask(coro, options)", options) as Context | null;
    if (ctx !== null) this.ctx = ctx;
    (coro as Marked)[DRIVEN] = 1;
    this._host = host;
    this._coro = coro;
    this._name = name ?? host.nextTaskNumber();
    this._parent = host.current as Task<unknown> | null;
    if (loop.getDebug()) this._rareFields().creationStack = new Error("created here").stack;
    (host.tasks ??= new TaskList()).add(this);
    // Eager start (asyncio 3.14's eager_start, see eager.ts): the first step runs inside createTask.
    const eager = wantsEagerStart(options, loop);
    if (!eager) host.push(stepTask, this as Task<unknown>);
    const hooks = host.hooks;
    if (hooks !== null && hooks.taskCreated !== undefined) hooks.taskCreated(this);
    if (eager) {
      this._step();
      // Done without ever waiting: nothing can resume the coroutine, so the task drops it, and
      // a program that makes many such tasks keeps only the tasks (asyncio 3.12+ does the same).
      if (this.done()) this._coro = null as never;
    }
  }

  /** @internal */
  _rareFields(): TaskRare {
    return (this._rare ??= {
      frames: null,
      ctx: null,
      pendingError: NO_ERROR,
      creationStack: undefined,
      abort: null,
      foreignWakeup: null,
    });
  }

  /** The task's name. @asyncio `Task.get_name` */
  getName(): string {
    const name = this._name;
    return typeof name === "string" ? name : (this._name = `Task-${name}`);
  }

  /**
   * Renames the task.
   *
   * @asyncio `Task.set_name`
   * @throws {TypeError} if `name` is not a string.
   */
  setName(name: string): void {
    if (typeof name !== "string")
      throw new TypeError(`setName(name): name must be a string, got ${describeValue(name)}`);
    this._name = name;
  }

  /**
   * The context of variables the task runs in.
   *
   * @asyncio `Task.get_context`
   * @example
   * createTask(work()).getContext().get(requestId);
   */
  getContext(): Context {
    return (this.ctx ??= new Context());
  }

  /**
   * The coroutine this task drives, or null for a task that finished eagerly, inside
   * `createTask` (as asyncio 3.12+: such a task lets its coroutine go at once).
   *
   * @asyncio `Task.get_coro`
   */
  getCoro(): Coroutine<T> | null {
    // While call() frames are open the task's own coroutine is the outermost one.
    return (this._rare?.frames?.[0] ?? this._coro) as Coroutine<T> | null;
  }

  /**
   * Requests cancellation: if the task waits on a future, that future is cancelled and the task
   * wakes with `CancelledError` thrown in at its `yield*`; otherwise the error is thrown in at the
   * next step. A task cancelled before its first step never runs its body. Returns false if the
   * task is already done.
   *
   * @asyncio `Task.cancel`
   * @example
   * const t = createTask(worker());
   * yield* sleep(0);
   * t.cancel("shutting down");
   */
  override cancel(value?: unknown): boolean {
    if (this.done()) return false;
    // Any value is accepted as the message, as in asyncio; the error carries its text.
    const message = messageText(value);
    // Reached again through the tasks it waits on: an await cycle (see `leaveCycle`).
    if (cancelling.includes(this)) return this._leaveCycle(message);
    this._flags += COUNT_ONE;
    const hooks = this._host.hooks;
    if (hooks !== null && hooks.cancelRequested !== undefined) hooks.cancelRequested(this, message);
    const abort = this._rare?.abort;
    if (abort != null && !abort.signal.aborted) abort.abort(new CancelledError(message));
    const waiter = this._futWaiter;
    if (waiter !== null) {
      cancelling.push(this);
      let passedOn: boolean;
      try {
        passedOn = waiter.cancel(message);
      } finally {
        cancelling.pop();
      }
      // Keep _futWaiter: it may be a task that swallows the cancellation and has to be cancelled
      // again later.
      if (passedOn) return true;
    }
    this._flags |= MUST_CANCEL;
    this.pendingCancelMessage = message; // the message to deliver at the next step
    return true;
  }

  /**
   * @internal This task's `cancel()` came back to it through the tasks it waits on (A waits on B,
   * B on A). Cancelling its waiter again would recurse forever, so the task leaves the cycle: it
   * stops waiting and takes the cancellation at its next step. Its end then wakes the task that
   * waits on it, which was cancelled on the way, and so on around the cycle.
   */
  private _leaveCycle(message: string | undefined): boolean {
    const waiter = this._futWaiter;
    if (waiter !== null) {
      if (waiter instanceof Future) this._host.removeWaker(waiter, this);
      else waiter.removeDoneCallback(this._rare!.foreignWakeup!);
      this._futWaiter = null;
      this._host.push(stepTask, this as Task<unknown>);
    }
    this._flags |= MUST_CANCEL;
    this.pendingCancelMessage = message;
    return true;
  }

  /**
   * The number of cancellation requests not yet withdrawn with `uncancel()`.
   *
   * @asyncio `Task.cancelling`
   */
  cancelling(): number {
    return this._flags >>> COUNT_SHIFT;
  }

  /**
   * Withdraws one cancellation request; returns how many remain. When none remain, a cancellation
   * not yet delivered is dropped. Used by timeouts and task groups that turn a cancellation they
   * caused into something else.
   *
   * @asyncio `Task.uncancel`
   */
  uncancel(): number {
    if (this._flags >= COUNT_ONE) {
      this._flags -= COUNT_ONE;
      // None left: a cancellation not delivered yet is dropped.
      if (this._flags < COUNT_ONE) this._flags &= ~MUST_CANCEL;
    }
    return this._flags >>> COUNT_SHIFT;
  }

  /**
   * An `AbortSignal` that aborts (with a `CancelledError` as reason) when the task is cancelled.
   * Made on first access, so tasks that never ask pay nothing. It stays aborted even if the task
   * later withdraws the cancellation with `uncancel()`.
   *
   * @example
   * const res = yield* fromPromise(fetch(url, { signal: currentTask()!.signal }));
   */
  get signal(): AbortSignal {
    const rare = this._rareFields();
    if (rare.abort === null) {
      rare.abort = new AbortController();
      if (this.done() ? this.cancelled() : this._flags >= COUNT_ONE) {
        rare.abort.abort(new CancelledError(this.cancelMessage()));
      }
    }
    return rare.abort.signal;
  }

  /**
   * Tasks finish only by running their coroutine.
   *
   * @throws {@link RuntimeError} always, as in asyncio.
   */
  override setResult(_value: T): void {
    throw new RuntimeError("Task does not support setResult()");
  }

  /** @throws {@link RuntimeError} always, as in asyncio. */
  override setException(_error: unknown): void {
    throw new RuntimeError("Task does not support setException()");
  }

  /** The kind of object, for messages: `"Task"`. */
  override get [Symbol.toStringTag](): string {
    return "Task";
  }

  /** @internal The future this task waited on is done (the `Waker` contract). */
  onFutureDone(): void {
    this._step();
  }

  /** @internal Runs the coroutine up to its next suspension point. */
  _step(): void {
    if (this.done()) {
      throw new InvalidStateError(`_step(): task "${this.getName()}" is already done`);
    }
    let error: unknown;
    let hasError = false;
    const rare = this._rare;
    if (rare !== null && rare.pendingError !== NO_ERROR) {
      error = rare.pendingError;
      hasError = true;
      rare.pendingError = NO_ERROR;
    }
    if ((this._flags & MUST_CANCEL) !== 0) {
      const waiter = this._futWaiter;
      // A waiter that was cancelled itself hands the coroutine its own CancelledError when the
      // coroutine resumes at its yield* (as asyncio's wakeup does), so a later cancel() does not
      // replace the first message.
      const waiterCancelled = !hasError && waiter !== null && waiter.done() && waiter.cancelled();
      // A waiter that failed is read here, as asyncio's wakeup reads it before stepping: its
      // error is replaced by the cancellation, not left to be reported as never retrieved.
      if (!waiterCancelled && waiter !== null && waiter.done()) waiter.exception();
      if (!waiterCancelled && (!hasError || !isCancelledError(error))) {
        error = this._makeCancelledError();
        hasError = true;
      }
      this._flags &= ~MUST_CANCEL;
    }
    this._futWaiter = null;
    this._flags &= ~YIELDED;
    const host = this._host;
    const previous = host.current;
    host.current = this;
    const contexts = host.contexts; // contextvars: the step runs in the task's context
    const previousCarrier = contexts.current;
    contexts.current = this;
    const hooks = host.hooks;
    if (hooks !== null && hooks.stepStarted !== undefined) hooks.stepStarted(this);
    try {
      // One pass resumes the coroutine once; more passes only when `call()` frames open or close
      // (a frame's end resumes its caller with the value or the error, as `yield*` would).
      let sent: unknown = YIELD_NOW;
      for (;;) {
        let r: IteratorResult<Yielded, unknown>;
        try {
          r = hasError ? this._coro.throw(error) : this._coro.next(sent);
        } catch (thrown) {
          if (this._popFrame()) {
            error = thrown;
            hasError = true;
            continue;
          }
          if (isCancelledError(thrown)) {
            this.cancelWithError(thrown); // result() rethrows this very error
          } else {
            Future.prototype.setException.call(this, thrown);
          }
          this._finished();
          return;
        }
        if (r.done) {
          if (this._popFrame()) {
            sent = r.value;
            hasError = false;
            continue;
          }
          if ((this._flags & MUST_CANCEL) !== 0) {
            // Cancelled right before the coroutine returned.
            this._flags &= ~MUST_CANCEL;
            super.cancel(this.pendingCancelMessage);
          } else {
            Future.prototype.setResult.call(this, r.value as T);
          }
          this._finished();
          return;
        }
        if (this._suspend(r.value, host)) return;
        sent = YIELD_NOW; // a call() frame was pushed: start it
        hasError = false;
      }
    } finally {
      host.current = previous;
      contexts.current = previousCarrier;
      if (hooks !== null && hooks.stepEnded !== undefined) hooks.stepEnded(this);
    }
  }

  /**
   * @internal Parks the task on what its coroutine yielded. Returns false only when the value is a
   * `call()` frame, which becomes the running coroutine at once.
   */
  private _suspend(value: Yielded, host: TaskHost): boolean {
    if (value === YIELD_NOW) {
      this._flags |= YIELDED;
      host.push(stepTask, this as Task<unknown>);
      const hooks = host.hooks;
      if (hooks !== null && hooks.taskSuspended !== undefined) hooks.taskSuspended(this, null);
      return true;
    }
    const own = value instanceof Future;
    if (own || isFutureLike(value)) {
      const problem = cannotWaitOn(value, own, this, this.getLoop());
      if (problem !== null) {
        this._failNextStep(new RuntimeError(problem));
        return true;
      }
      value._blocking = false;
      if (own) host.addWaker(value, this);
      else value.addDoneCallback((this._rareFields().foreignWakeup ??= () => this._step()));
      this._park(value);
      return true;
    }
    if ((value as Marked | null)?.[DRIVEN] === 2) {
      // A coroutine handed over by call(): it runs as its own frame.
      const frame = value as unknown as Coroutine<unknown>;
      (frame as Marked)[DRIVEN] = 1;
      (this._rareFields().frames ??= []).push(this._coro);
      this._coro = frame;
      return false;
    }
    this._failNextStep(new RuntimeError(badYield(value, this)));
    return true;
  }

  /** @internal The running `call()` frame ended: its caller runs again. False if none is open. */
  private _popFrame(): boolean {
    const frames = this._rare?.frames;
    if (frames == null || frames.length === 0) return false;
    this._coro = frames.pop()!;
    return true;
  }

  /** @internal */
  private _park(future: FutureLike<unknown>): void {
    this._futWaiter = future;
    const hooks = this._host.hooks;
    if (hooks !== null && hooks.taskSuspended !== undefined) hooks.taskSuspended(this, future);
    if ((this._flags & MUST_CANCEL) !== 0 && future.cancel(this.pendingCancelMessage)) {
      this._flags &= ~MUST_CANCEL;
    }
  }

  /** @internal */
  private _failNextStep(error: unknown): void {
    const rare = this._rareFields();
    rare.pendingError = error;
    this._host.push(stepTask, this as Task<unknown>);
  }

  /** @internal */
  private _finished(): void {
    const host = this._host;
    host.tasks!.delete(this);
    const hooks = host.hooks;
    if (hooks !== null && hooks.taskDone !== undefined) hooks.taskDone(this);
  }

  override toString(): string {
    return `<Task ${this.stateName()} name="${this.getName()}">`;
  }
}
