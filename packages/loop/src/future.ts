import * as I from "@corio/interfaces";
import { describeCallback } from "./handles.js";
import type { EventLoop } from "./loop.js";

const { CancelledError, InvalidStateError, RuntimeError, messageText } = I;

/** @internal */ export const PENDING = 0;
/** @internal */ export const FINISHED = 1;
/** @internal */ export const CANCELLED = 2;
/** @internal Finished with an exception (still `done()`, not cancelled). */ export const FAILED = 3;

/**
 * Something woken when a future is done, without allocating a closure: the task package registers
 * its tasks this way. `_wakeup()` runs through the loop, like every done callback.
 *
 * @internal
 */
export interface Waker {
  _wakeup(): void;
}

type Entry<T> = I.DoneCallback<Future<T>> | Waker;

function runWaker(waker: Waker): void {
  waker._wakeup();
}

/**
 * Runs a done callback queued with its future. An error it throws goes to the loop's exception
 * handler instead of breaking the loop, as a callback run in an asyncio `Handle` does.
 */
function runDoneCallback(callback: (fut: Future<unknown>) => void, fut: Future<unknown>): void {
  const loop = fut._loop;
  try {
    callback(fut);
  } catch (error) {
    loop.callExceptionHandler({
      message: `Exception in callback ${describeCallback(callback)}`,
      exception: error,
      future: fut,
    });
  }
  const hooks = loop._hooks;
  if (hooks !== null && hooks.callbackRan !== undefined) hooks.callbackRan(callback);
}

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
export class Future<T> implements I.Future<T>, Iterator<I.Yielded, T, unknown> {
  // A future is made per task, per sleep and per wait, and thousands may be pending at once, so it
  // keeps few fields: one slot holds the result or the exception (the state says which), and one
  // the cancellation message or the CancelledError made from it. Whether an exception still has to
  // be reported is membership in the loop's `_unretrieved` set rather than a flag here.
  /** @internal PENDING, FINISHED, FAILED or CANCELLED. */ _state: number = PENDING;
  // Typed loosely on purpose: a field typed with T would make Future<T> invariant, and a
  // Task<void> could not be passed where a Task<unknown> is expected.
  /** @internal The result (FINISHED) or the exception (FAILED). */ _result: any = undefined;
  /** @internal */ _callbacks: Entry<any> | Entry<any>[] | null = null;
  /**
   * @internal The cancellation message, or once made, the CancelledError to throw. A task also
   * keeps here the message of a cancellation it has not delivered yet.
   */
  _cancel: string | I.CancelledError | undefined = undefined;
  /** @internal */ _loop: EventLoop;
  /** Part of the await protocol; see `FutureLike._blocking`. */
  _blocking = false;
  /** @internal */ _label: string | undefined;

  /** @internal Use `loop.createFuture()`. */
  constructor(loop: EventLoop, label?: string) {
    this._loop = loop;
    this._label = label;
  }

  /**
   * A short description shown in task listings ("Queue.get()", "sleep(1000)"). An accessor, so a
   * subclass can describe itself on demand instead of building a string per instance.
   */
  get label(): string | undefined {
    return this._label;
  }

  set label(value: string | undefined) {
    this._label = value;
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
   * retrieves is reported through the loop's exception handler once the future is garbage
   * collected, or when the loop closes, whichever comes first.
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
   * Cancels the future and schedules its callbacks; returns false if it was already done. Any
   * `message` is accepted, as in asyncio; one that is not a string becomes its `String()` text.
   *
   * @asyncio `Future.cancel`
   * @example
   * fut.cancel("no longer needed");
   * fut.result(); // throws CancelledError("no longer needed")
   */
  cancel(message?: unknown): boolean {
    if (this._state !== PENDING) return false;
    this._state = CANCELLED;
    this._cancel = messageText(message);
    this._scheduleCallbacks();
    return true;
  }

  /**
   * Calls `callback(this)` through the loop once the future is done; if it is already done, the
   * call is scheduled at once. Never calls synchronously.
   *
   * @asyncio `Future.add_done_callback`
   * @throws {TypeError} if `callback` is not a function.
   */
  addDoneCallback(callback: I.DoneCallback<this>): void {
    if (typeof callback !== "function") {
      throw new TypeError(
        `addDoneCallback(callback): callback must be a function, got ${typeof callback}`,
      );
    }
    this._addEntry(callback as Entry<T>);
  }

  /** @internal Registers a task (or any waker) without allocating a closure. */
  _addWaker(waker: Waker): void {
    this._addEntry(waker);
  }

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
  removeDoneCallback(callback: I.DoneCallback<this>): number {
    const cbs = this._callbacks;
    if (cbs === null) return 0;
    if (!Array.isArray(cbs)) {
      if (cbs !== (callback as Entry<T>)) return 0;
      this._callbacks = null;
      return 1;
    }
    const kept = cbs.filter((c) => c !== (callback as Entry<T>));
    const removed = cbs.length - kept.length;
    this._callbacks = kept.length === 0 ? null : kept;
    return removed;
  }

  /** @internal Removes a waker registered with `_addWaker`. */
  _removeWaker(waker: Waker): void {
    this.removeDoneCallback(waker as never);
  }

  // --- the await protocol: a future is its own iterator -----------------------------------

  /**
   * `yield* fut` starts here. Typed as an `Iterator` rather than `this`: TypeScript cannot read the
   * result type of `yield*` through a polymorphic `this`, and would type `yield* task` as unknown.
   */
  [Symbol.iterator](): Iterator<I.Yielded, T, unknown> {
    return this;
  }

  /** @internal Part of the await protocol: yields the future while pending, then returns its result. */
  next(): IteratorResult<I.Yielded, T> {
    if (this._state === PENDING) {
      // A task lowers the flag when it parks on the future. Still raised means the future was
      // iterated by hand (spread, Array.from, a test matcher): fail instead of spinning forever.
      if (this._blocking) throw new RuntimeError("yield* on a future must run inside a task");
      this._blocking = true;
      return { value: this, done: false };
    }
    return { value: this.result(), done: true };
  }

  /** @internal Part of the await protocol: an error thrown into the waiter surfaces at `yield*`. */
  throw(error: unknown): IteratorResult<I.Yielded, T> {
    throw error;
  }

  /** @internal Part of the await protocol. */
  return(value?: unknown): IteratorResult<I.Yielded, T> {
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

  // --- internals ----------------------------------------------------------------------------

  /** @internal */
  _makeCancelledError(): I.CancelledError {
    const cancel = this._cancel;
    if (typeof cancel === "object") return cancel;
    const loop = this._loop;
    if (loop?.getDebug()) return new CancelledError(cancel);
    // Outside debug mode a cancellation carries no stack trace: recording where the coroutine
    // waited was three quarters of the cost of cancelling a task (W5: 100k cancels in ~1000 ms
    // with stacks, ~250 ms without). Debug mode keeps it.
    const limit = Error.stackTraceLimit;
    try {
      Error.stackTraceLimit = 0;
    } catch {
      return new CancelledError(cancel); // frozen intrinsics: keep the stack
    }
    try {
      return new CancelledError(cancel);
    } finally {
      Error.stackTraceLimit = limit;
    }
  }

  /** @internal */
  _retrieved(): void {
    this._loop._unretrieved.delete(this);
  }

  /** @internal The message of the cancellation, whether or not its error was made yet. */
  _cancelMessage(): string | undefined {
    const cancel = this._cancel;
    return typeof cancel === "object" ? cancel.message : cancel;
  }

  /** @internal Hands each callback to the loop, in registration order. */
  _scheduleCallbacks(): void {
    const cbs = this._callbacks;
    if (cbs === null) return;
    this._callbacks = null;
    if (!Array.isArray(cbs)) this._schedule(cbs);
    else for (let i = 0; i < cbs.length; i++) this._schedule(cbs[i]!);
  }

  private _schedule(entry: Entry<T>): void {
    if (typeof entry === "function")
      this._loop._push(
        runDoneCallback,
        entry as (fut: Future<unknown>) => void,
        this as Future<any>,
      );
    else this._loop._push(runWaker, entry);
  }

  /** @internal One word for listings: pending, finished or cancelled. */
  _stateName(): string {
    return this._state === PENDING
      ? "pending"
      : this._state === CANCELLED
        ? "cancelled"
        : "finished";
  }

  toString(): string {
    return `<Future ${this._stateName()}${this.label ? ` ${this.label}` : ""}>`;
  }
}
