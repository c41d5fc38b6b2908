// Future: the loop's eventual result, the object every wait in corio comes down to.
import {
  type CallbackOptions,
  CancelledError,
  type DoneCallback,
  InvalidStateError,
  isCancelledError,
  messageText,
  RuntimeError,
  type SettableFutureLike,
  type Waker,
  type Yielded,
} from "@corio/interfaces";
import { contextOption } from "./context.js";
import {
  ContextCallback,
  runBareDoneCallback,
  runContextCallback,
  runWaker,
} from "./done-callbacks.js";
import type { EventLoop } from "./loop.js";

/** @internal */ export const PENDING = 0;
/** @internal */ export const FINISHED = 1;
/** @internal */ export const CANCELLED = 2;
/** @internal Finished with an exception (still `done()`, not cancelled). */ export const FAILED = 3;

// A done callback (bare, or with its context), or a task parked on the future (registered through
// the task host without a closure, woken with `onFutureDone()` through the loop like every done
// callback).
type Entry<T> = DoneCallback<Future<T>> | ContextCallback | Waker;

/**
 * An eventual result: pending until someone sets its result or exception, or cancels it.
 *
 * A future is awaited with `yield*` from a coroutine; it is its own iterator (see the await
 * protocol in `@corio/interfaces`). It is also `PromiseLike`, so plain `async` code can `await` it.
 * Done callbacks always run through the loop's ready queue, never synchronously, in the order they
 * were added.
 *
 * @asyncio `asyncio.Future`
 * @example
 * const loop = getRunningLoop();
 * const fut = loop.createFuture<string>();
 * loop.callLater(500, () => fut.setResult("ready"));
 * console.log(yield* fut); // "ready", at t=500
 */
/**
 * Labels of futures that have no field for one. Most futures (every task, every sleep) never have
 * a label, so the field lives in `LabelledFuture`, what `loop.createFuture(label)` makes; a label
 * given to another future (a subclass passing one, or set later) is kept here.
 */
const otherLabels = new WeakMap<object, string | undefined>();

export class Future<T> implements SettableFutureLike<T>, Iterator<Yielded, T, unknown> {
  // A future is made per task, per sleep and per wait, and thousands may be pending at once, so it
  // keeps few fields: one slot holds the result or the exception (the state says which), and one
  // the cancellation message or the CancelledError made from it. Whether an exception still has to
  // be reported is the loop's business (its book of unread failures), not a flag here.
  /** @internal PENDING, FINISHED, FAILED or CANCELLED. */ _state: number = PENDING;
  // Typed loosely on purpose: a field typed with T would make Future<T> invariant, and a
  // Task<void> could not be passed where a Task<unknown> is expected.
  /** @internal The result (FINISHED) or the exception (FAILED). */ _result: any = undefined;
  /** @internal */ _callbacks: Entry<any> | Entry<any>[] | null = null;
  /**
   * @internal The cancellation message, or once made, the CancelledError to throw. A task also
   * keeps here the message of a cancellation it has not delivered yet.
   */
  _cancel: unknown = undefined;
  /** @internal */ _loop: EventLoop;
  /** Part of the await protocol; see `FutureLike._blocking`. */
  _blocking = false;

  /**
   * Makes a pending future of `loop`. Code that only needs a future calls `loop.createFuture()`;
   * this constructor is for subclasses (corio's `Task`). A subclass made before its loop is known
   * (a sleep made ahead of time) passes null and calls {@link Future.bindLoop} before first use.
   */
  constructor(loop: EventLoop | null, label?: string) {
    this._loop = loop as EventLoop;
    if (label !== undefined) otherLabels.set(this, label);
  }

  /**
   * A short description shown in task listings ("Queue.get()", "sleep(1000)"). An accessor, so a
   * subclass can describe itself on demand instead of building a string per instance.
   */
  get label(): string | undefined {
    return otherLabels.get(this);
  }

  set label(value: string | undefined) {
    otherLabels.set(this, value);
  }

  /** The loop this future belongs to. @asyncio `Future.get_loop` */
  getLoop(): EventLoop {
    return this._loop;
  }

  /** True once the future has a result, an exception, or was cancelled. @asyncio `Future.done` */
  done(): boolean {
    return this._state !== PENDING;
  }

  /** True if the future was cancelled. @asyncio `Future.cancelled` */
  cancelled(): boolean {
    return this._state === CANCELLED;
  }

  /**
   * The future's result.
   *
   * @asyncio `Future.result`
   * @throws the future's exception if it has one.
   * @throws {@link CancelledError} if the future was cancelled.
   * @throws {@link InvalidStateError} if the future is not done yet.
   * @example
   * if (fut.done()) console.log(fut.result());
   */
  result(): T {
    const state = this._state;
    if (state === FINISHED) return this._result as T;
    if (state === FAILED) {
      this._retrieved();
      throw this._result;
    }
    if (state === CANCELLED) throw this._makeCancelledError();
    throw new InvalidStateError("Result is not ready.");
  }

  /**
   * The future's exception, or `null` if it finished with a result.
   *
   * @asyncio `Future.exception`
   * @throws {@link CancelledError} if the future was cancelled.
   * @throws {@link InvalidStateError} if the future is not done yet.
   */
  exception(): unknown {
    const state = this._state;
    if (state === FINISHED) return null;
    if (state === FAILED) {
      this._retrieved();
      return this._result;
    }
    if (state === CANCELLED) throw this._makeCancelledError();
    throw new InvalidStateError("Exception is not set.");
  }

  /**
   * Marks the future done with `value` and schedules its callbacks.
   *
   * @asyncio `Future.set_result`
   * @throws {@link InvalidStateError} if the future is already done.
   */
  setResult(value: T): void {
    if (this._state !== PENDING) {
      throw new InvalidStateError(`invalid state: ${this.toString()} is already done`);
    }
    this._result = value;
    this._state = FINISHED;
    this._scheduleCallbacks();
  }

  /**
   * Marks the future done with `error` and schedules its callbacks. An exception that nobody
   * retrieves is reported through the loop's exception handler when the loop closes.
   *
   * @asyncio `Future.set_exception`
   * @throws {@link InvalidStateError} if the future is already done.
   */
  setException(error: unknown): void {
    if (this._state !== PENDING) {
      throw new InvalidStateError(`invalid state: ${this.toString()} is already done`);
    }
    this._result = error;
    this._state = FAILED;
    this._loop._unretrieved.add(this, error);
    this._scheduleCallbacks();
  }

  /**
   * Cancels the future and schedules its callbacks; returns false if it was already done. A
   * `message` that is not a string becomes its `String()` text.
   *
   * @asyncio `Future.cancel`
   * @example
   * fut.cancel("no longer needed");
   * fut.result(); // throws CancelledError("no longer needed")
   */
  cancel(message?: unknown): boolean {
    if (this._state !== PENDING) return false;
    this._state = CANCELLED;
    // Any value is accepted, as in asyncio; the CancelledError carries its text.
    this._cancel = messageText(message);
    this._scheduleCallbacks();
    return true;
  }

  /**
   * Calls `callback(this)` through the loop once the future is done; if it is already done, the
   * call is scheduled at once. Never calls synchronously. The callback runs in `options.context`,
   * or in a copy of the context current when it was added.
   *
   * @asyncio `Future.add_done_callback`
   * @throws {TypeError} if `callback` is not a function or `options.context` not a `Context`.
   * @example
   * fut.addDoneCallback((f) => console.log(requestId.get(), f.result()));
   */
  addDoneCallback(callback: DoneCallback<this>, options?: CallbackOptions): void {
    if (typeof callback !== "function") {
      throw new TypeError(
        `addDoneCallback(callback): callback must be a function, got ${typeof callback}`,
      );
    }
    const ctx = contextOption("addDoneCallback(callback, options)", options);
    this._addEntry(
      ctx === null
        ? (callback as Entry<T>)
        : new ContextCallback(callback as (fut: Future<unknown>) => void, ctx),
    );
  }

  /** @internal Registers a task (or any waker) without allocating a closure; see `TaskHost`. */
  _addWaker(waker: Waker): void {
    this._addEntry(waker);
  }

  /** @internal */
  private _addEntry(entry: Entry<T>): void {
    if (this._state !== PENDING) {
      this._schedule(entry);
      return;
    }
    const cbs = this._callbacks;
    if (cbs === null) this._callbacks = entry;
    else if (Array.isArray(cbs)) cbs.push(entry);
    else this._callbacks = [cbs, entry];
  }

  /**
   * Removes every registration of `callback`; returns how many were removed.
   *
   * @asyncio `Future.remove_done_callback`
   */
  removeDoneCallback(callback: DoneCallback<this>): number {
    const cbs = this._callbacks;
    if (cbs === null) return 0;
    const matches = (c: Entry<T>) =>
      c === (callback as Entry<T>) ||
      (c instanceof ContextCallback && c.callback === (callback as unknown));
    if (!Array.isArray(cbs)) {
      if (!matches(cbs)) return 0;
      this._callbacks = null;
      return 1;
    }
    const kept = cbs.filter((c) => !matches(c));
    const removed = cbs.length - kept.length;
    this._callbacks = kept.length === 0 ? null : kept;
    return removed;
  }

  // --- the await protocol: a future is its own iterator -----------------------------------

  /**
   * `yield* fut` starts here. Typed as an `Iterator` rather than `this`: TypeScript cannot read the
   * result type of `yield*` through a polymorphic `this`, and would type `yield* task` as unknown.
   */
  [Symbol.iterator](): Iterator<Yielded, T, unknown> {
    return this;
  }

  /** Part of the await protocol: yields the future while pending, then returns its result. */
  next(): IteratorResult<Yielded, T> {
    if (this._state === PENDING) {
      // A task lowers the flag when it parks on the future. Still raised means the future was
      // iterated by hand (spread, Array.from, a test matcher): fail instead of spinning forever.
      if (this._blocking) throw new RuntimeError("yield* on a future must run inside a task");
      this._blocking = true;
      return { value: this, done: false };
    }
    return { value: this.result(), done: true };
  }

  /** Part of the await protocol: an error thrown into the waiter surfaces at `yield*`. */
  throw(error: unknown): IteratorResult<Yielded, T> {
    throw error;
  }

  /** Part of the await protocol. */
  return(value?: unknown): IteratorResult<Yielded, T> {
    return { value: value as T, done: true };
  }

  // --- PromiseLike --------------------------------------------------------------------------

  /**
   * Lets plain `async` code `await` the future. The promise settles through the loop, so the
   * loop must keep running until the future is done.
   *
   * @example
   * const task = loop.createTask(work());
   * const value = await task; // from an async function
   */
  // biome-ignore lint/suspicious/noThenProperty: futures are deliberately PromiseLike.
  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return new Promise<T>((resolve, reject) => {
      const settle = () => {
        try {
          resolve(this.result());
        } catch (error) {
          reject(error);
        }
      };
      if (this._state !== PENDING) settle();
      else this.addDoneCallback(settle);
    }).then(onFulfilled, onRejected);
  }

  // --- for subclasses ------------------------------------------------------------------------

  /** `"Future"`: the kind of object in messages such as "Future exception was never retrieved". */
  get [Symbol.toStringTag](): string {
    return "Future";
  }

  /** For a future made with a null loop: binds it to `loop` (once, before it is awaited). */
  protected bindLoop(loop: EventLoop): void {
    this._loop = loop;
  }

  /**
   * For subclasses that take cancellation requests before acting on them (a task): the message of
   * the request not delivered yet. It lives in the slot the cancellation itself will use, so a
   * task carries no extra field. Meaningful only while the future is pending.
   */
  protected get pendingCancelMessage(): string | undefined {
    const cancel = this._cancel;
    return (isCancelledError(cancel) ? cancel.message : cancel) as string | undefined;
  }

  protected set pendingCancelMessage(message: string | undefined) {
    this._cancel = message;
  }

  /**
   * Cancels the future with `error` itself as the `CancelledError` that `result()` throws (a task
   * whose coroutine ended with a cancellation keeps that very error); false if already done.
   */
  protected cancelWithError(error: CancelledError): boolean {
    if (this._state !== PENDING) return false;
    this._state = CANCELLED;
    this._cancel = error;
    this._scheduleCallbacks();
    return true;
  }

  /** The message of the cancellation (or of the pending request), whether or not its error exists. */
  protected cancelMessage(): string | undefined {
    return this.pendingCancelMessage;
  }

  /** One word for listings: pending, finished or cancelled. */
  protected stateName(): string {
    return this._state === PENDING
      ? "pending"
      : this._state === CANCELLED
        ? "cancelled"
        : "finished";
  }

  // --- the rest of the protocol and internals -------------------------------------------------

  /**
   * Part of the await protocol (see `FutureLike`): the `CancelledError` of a cancelled future (or of
   * a task's pending cancellation), returned rather than thrown.
   */
  _makeCancelledError(): CancelledError {
    // The message may be any value (asyncio keeps whatever it is given); only an error made here
    // earlier is returned as it is.
    const cancel = this._cancel;
    if (isCancelledError(cancel)) return cancel;
    const message = cancel as string | undefined;
    const loop = this._loop;
    if (loop?.getDebug()) return new CancelledError(message);
    // Outside debug mode a cancellation carries no stack trace: recording where the coroutine
    // waited was three quarters of the cost of cancelling a task (W5: 100k cancels in ~1000 ms
    // with stacks, ~250 ms without). Debug mode keeps it.
    const limit = Error.stackTraceLimit;
    try {
      Error.stackTraceLimit = 0;
    } catch {
      return new CancelledError(message); // frozen intrinsics: keep the stack
    }
    try {
      return new CancelledError(message);
    } finally {
      Error.stackTraceLimit = limit;
    }
  }

  /** @internal */
  _retrieved(): void {
    this._loop._unretrieved.delete(this);
  }

  /** @internal Hands each callback to the loop, in registration order. */
  _scheduleCallbacks(): void {
    const cbs = this._callbacks;
    if (cbs === null) return;
    this._callbacks = null;
    if (!Array.isArray(cbs)) this._schedule(cbs);
    else for (let i = 0; i < cbs.length; i++) this._schedule(cbs[i]!);
  }

  /** @internal */
  private _schedule(entry: Entry<T>): void {
    if (typeof entry === "function")
      this._loop._push(
        runBareDoneCallback,
        entry as (fut: Future<unknown>) => void,
        this as Future<any>,
      );
    else if (entry instanceof ContextCallback)
      this._loop._push(runContextCallback, entry, this as Future<any>);
    else this._loop._push(runWaker, entry as Waker);
  }

  toString(): string {
    return `<Future ${this.stateName()}${this.label ? ` ${this.label}` : ""}>`;
  }
}

/**
 * @internal A future with a label field, made by `loop.createFuture(label)`: the waits that
 * corio's primitives make are labelled ("Queue.get()") and should not pay a map lookup for it.
 */
export class LabelledFuture<T> extends Future<T> {
  /** @internal */ _label: string | undefined;

  constructor(loop: EventLoop, label: string) {
    super(loop);
    this._label = label;
  }

  override get label(): string | undefined {
    return this._label;
  }

  override set label(value: string | undefined) {
    this._label = value;
  }
}
