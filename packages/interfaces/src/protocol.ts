/**
 * The await protocol.
 *
 * How it works: a coroutine is a generator. It suspends by yielding a future-like object to the
 * task that drives it, and the task resumes it once that future is done. Nobody writes `yield fut`
 * by hand: a future is its own iterator, and `yield* fut` runs it. The first `next()` finds the
 * future pending, raises its `_blocking` flag and yields the future; the task sees the flag, lowers
 * it, and parks itself on the future. When the future is done the task calls `next()` again, and
 * the future returns its result (or throws its exception), which becomes the value of `yield* fut`.
 * A future that is already done returns at once, without suspending, as in asyncio.
 *
 * The flag is asyncio's `_asyncio_future_blocking`: it tells a correct `yield* fut` apart from the
 * mistake `yield fut`, which would otherwise resume with the wrong value.
 */

import type { CancelledError } from "./errors.js";
import type { EventLoopLike } from "./loop.js";

/**
 * Yielded by `sleep(0)`: give up control for exactly one loop iteration.
 *
 * @asyncio the bare `yield` in `asyncio.sleep(0)`
 *
 * @example
 * yield YIELD_NOW; // inside an operation: one loop iteration, like sleep(0)
 */
export const YIELD_NOW: unique symbol = Symbol.for("@corio/interfaces/YIELD_NOW") as never;

/**
 * What a coroutine may yield to its task: a future to wait on, or {@link YIELD_NOW}.
 *
 * @asyncio what a coroutine yields to its `Task`: a future, or `None` (bare `yield`)
 * @example
 * const next: Yielded = YIELD_NOW; // what sleep(0) yields
 */
export type Yielded = FutureLike<unknown> | typeof YIELD_NOW;

/**
 * Something a coroutine can wait on with `yield*`: a coroutine, a future, a task, or a helper such
 * as `sleep(ms)`. `const v = yield* op` gives `v` the type `T`.
 *
 * @asyncio an awaitable (an object with `__await__`)
 * @example
 * function* twice(op: Operation<number>): Coroutine<number> {
 *   return 2 * (yield* op);
 * }
 */
export interface Operation<T> {
  [Symbol.iterator](): Iterator<Yielded, T, unknown>;
}

/**
 * A coroutine object: what calling a generator function returns. Lazy, like Python's coroutine
 * object: nothing runs until a task (or a `yield*`) steps it.
 *
 * @asyncio a coroutine object (`async def` called)
 * @example
 * function* crawl(url: string): Coroutine<string> {
 *   yield* sleep(1000);
 *   return `OK ${url}`;
 * }
 */
export type Coroutine<T = unknown> = Generator<Yielded, T, unknown>;

/**
 * A function called with the future once it is done.
 *
 * @asyncio the callback given to `Future.add_done_callback`
 * @example
 * const onDone: DoneCallback<Task<number>> = (task) => console.log(task.result());
 * task.addDoneCallback(onDone);
 */
export type DoneCallback<F> = (future: F) => void;

/**
 * The read side of a future: what a task needs to wait on it. Any object with this shape can be
 * awaited by corio's tasks, so another implementation can join in.
 *
 * @asyncio `asyncio.Future` as seen by `Task.__step` (`_asyncio_future_blocking`, `get_loop`,
 * `add_done_callback`, `__await__`)
 *
 * @example
 * function* wait<T>(fut: FutureLike<T>) {
 *   return yield* fut; // suspends until fut is done
 * }
 */
export interface FutureLike<T> extends Operation<T> {
  /** Part of the await protocol: raised by the iterator right before it yields the future. */
  _blocking: boolean;
  /** The loop the future belongs to. */
  getLoop(): EventLoopLike;
  /** True once the future has a result, an exception, or was cancelled. */
  done(): boolean;
  /** True if the future was cancelled. */
  cancelled(): boolean;
  /**
   * The result. Throws the future's exception, a `CancelledError` if it was cancelled, or an
   * `InvalidStateError` if it is not done yet.
   */
  result(): T;
  /** The exception, or `null`. Throws `CancelledError` if cancelled, `InvalidStateError` if pending. */
  exception(): unknown;
  /** Cancels the future; returns false if it was already done. */
  cancel(message?: unknown): boolean;
  /**
   * Calls `callback(future)` through the loop once the future is done, never synchronously, in
   * `options.context` or a copy of the context current when it was added.
   */
  addDoneCallback(callback: DoneCallback<this>, options?: CallbackOptions): void;
  /** Removes every registration of `callback`; returns how many were removed. */
  removeDoneCallback(callback: DoneCallback<this>): number;
  /** A short description of what this future stands for, shown in task listings. */
  readonly label?: string | undefined;
  /**
   * Optional part of the protocol: for a cancelled future, the `CancelledError` that `result()`
   * would throw, returned instead of thrown. Combinators such as `gather` read a cancelled child's
   * error through it when it is there, because throwing and catching an error costs more than the
   * rest of a cancellation; without it they catch what `exception()` throws.
   */
  _makeCancelledError?(): CancelledError;
}

/**
 * A future with its write side, as made by `loop.createFuture()`: {@link FutureLike} (what a task
 * can wait on) plus `setResult`/`setException`, and `PromiseLike` for plain `async` code.
 *
 * @asyncio `asyncio.Future`
 * @example
 * const fut = getRunningLoop().createFuture<number>();
 * getRunningLoop().callLater(1000, () => fut.setResult(42));
 * const v = yield* fut; // 42, one second later
 */
export interface SettableFutureLike<T> extends FutureLike<T>, PromiseLike<T> {
  /** Marks the future done with `value`. Throws `InvalidStateError` if already done. */
  setResult(value: T): void;
  /** Marks the future done with `error`. Throws `InvalidStateError` if already done. */
  setException(error: unknown): void;
}

/** @deprecated Renamed {@link SettableFutureLike}: contracts carry the `-Like` suffix. */
export type Future<T> = SettableFutureLike<T>;

/**
 * Options for creating a task.
 *
 * @asyncio the `name` keyword of `asyncio.create_task`
 * @example
 * createTask(crawlPage(url), { name: url });
 */
export interface TaskOptions {
  /** A name shown in task listings and errors; defaults to `Task-N`. */
  name?: string | undefined;
  /**
   * Start the coroutine at once, inside `createTask`, and run it up to its first suspension
   * (asyncio 3.14's `eager_start`). A coroutine that finishes without suspending leaves the task
   * done when `createTask` returns. Ignored when the loop is not running.
   */
  eagerStart?: boolean | undefined;
  /**
   * The context of variables the task runs in (shared, not copied); defaults to a copy of the
   * context current at `createTask`. @asyncio the `context=` keyword of `create_task`
   */
  context?: ContextLike | undefined;
}

/**
 * A context of variables (`Context` in `@corio/loop`), as the loop, futures and tasks take it.
 *
 * @asyncio `contextvars.Context`
 * @example
 * const ctx = copyContext();
 * ctx.run(() => requestId.set("r-1")); // changes ctx only
 */
export interface ContextLike {
  /** Calls `fn(...args)` with this context current; what `fn` sets stays in this context. */
  run<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): R;
  /** A shallow copy: the same variables with the same values. */
  copy(): ContextLike;
  /** How many variables have a value here. */
  readonly size: number;
}

/**
 * Options of `callSoon`, `callLater`, `callAt` and `addDoneCallback`.
 *
 * @asyncio the `context=` keyword of `loop.call_soon` and `Future.add_done_callback`
 * @example
 * loop.callSoon(() => console.log(requestId.get()), { context: ctx });
 */
export interface CallbackOptions {
  /** The context the callback runs in; defaults to a copy of the context current now. */
  context?: ContextLike | undefined;
}

/**
 * A running coroutine, scheduled on the loop. It is a future of the coroutine's return value, and
 * a `PromiseLike`, so plain `async` code can `await` it.
 *
 * @asyncio `asyncio.Task`
 *
 * @example
 * const task: TaskLike<string> = createTask(crawlPage("url_1"));
 * task.getName(); // "Task-2"
 */
export interface TaskLike<T> extends SettableFutureLike<T> {
  /** Asks the task to stop: throws `CancelledError` into the coroutine where it waits. */
  cancel(message?: unknown): boolean;
  /** How many cancellation requests are pending (asyncio 3.11+ bookkeeping). */
  cancelling(): number;
  /** Withdraws one cancellation request; returns the count left. */
  uncancel(): number;
  getName(): string;
  setName(name: string): void;
  getCoro(): Coroutine<T> | null;
  /** An `AbortSignal` that aborts when the task is cancelled. Made on first access. */
  readonly signal: AbortSignal;
}

/**
 * Tells whether `value` follows the await protocol of {@link FutureLike}.
 *
 * @asyncio `asyncio.isfuture`
 *
 * @example
 * isFutureLike(createTask(work())); // true
 * isFutureLike(Promise.resolve(1)); // false: a promise is not a corio future
 */
export function isFutureLike(value: unknown): value is FutureLike<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as FutureLike<unknown>)._blocking === "boolean" &&
    typeof (value as FutureLike<unknown>).addDoneCallback === "function"
  );
}

/**
 * Tells whether `value` is a generator object, the shape of a corio coroutine.
 *
 * @asyncio `asyncio.iscoroutine`
 *
 * @example
 * function* work() {}
 * isCoroutine(work()); // true
 * isCoroutine(work); // false: call the generator function first
 */
export function isCoroutine(value: unknown): value is Coroutine<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Generator).next === "function" &&
    typeof (value as Generator).throw === "function" &&
    typeof (value as Generator).return === "function" &&
    typeof (value as Generator)[Symbol.iterator] === "function"
  );
}
