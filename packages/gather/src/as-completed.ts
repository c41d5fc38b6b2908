import {
  type Coroutine,
  describeValue,
  type EventLoop,
  type Future,
  type FutureLike,
  getRunningLoop,
  getRunningLoopOrNull,
  isCoroutine,
  isFutureLike,
  type Operation,
  TimeoutError,
  type TimerHandle,
  type Yielded,
} from "@corio/interfaces";
import { checkAwaitable, checkMilliseconds, ensureFuture, isBoundFuture } from "@corio/internal";

import type { ResultOf } from "./gather.js";

/**
 * Options for {@link asCompleted}.
 *
 * @asyncio the `timeout` keyword of `asyncio.as_completed`
 *
 * @example
 * for (const next of asCompleted(tasks, { timeout: 5000 })) console.log(yield* next);
 */
export interface AsCompletedOptions {
  /**
   * Milliseconds after which every operation not yet resolved throws `TimeoutError`;
   * `null`/`undefined` waits without limit. The awaitables are not cancelled.
   */
  timeout?: number | null;
}

/**
 * A tiny unbounded FIFO with asyncio `Queue.get` semantics (a getter woken but cancelled before
 * it resumes passes its wakeup on), so no completion is lost.
 */
class DoneQueue<T> {
  private readonly items: T[] = [];
  private readonly getters: Future<void>[] = [];
  constructor(private readonly loop: EventLoop) {}

  put(item: T): void {
    this.items.push(item);
    this.wakeupNext();
  }

  private wakeupNext(): void {
    while (this.getters.length > 0) {
      const getter = this.getters.shift()!;
      if (!getter.done()) {
        getter.setResult(undefined);
        return;
      }
    }
  }

  *get(): Generator<Yielded, T, unknown> {
    while (this.items.length === 0) {
      const getter = this.loop.createFuture<void>("asCompleted()");
      this.getters.push(getter);
      try {
        yield* getter;
      } catch (error) {
        getter.cancel();
        const i = this.getters.indexOf(getter);
        if (i >= 0) this.getters.splice(i, 1);
        if (this.items.length > 0 && !getter.cancelled()) this.wakeupNext();
        throw error;
      }
    }
    return this.items.shift()!;
  }
}

/** What `null` in the done queue means: the timeout passed. */
const TIMED_OUT = null;

/**
 * Iterates over operations that resolve in completion order.
 *
 * @internal Made by {@link asCompleted}.
 */
class AsCompletedIterator<T> implements IterableIterator<Coroutine<T>> {
  private readonly done: DoneQueue<FutureLike<unknown> | null>;
  private readonly todo: Set<FutureLike<unknown>>;
  private todoLeft: number;
  private timeoutHandle: TimerHandle | null = null;
  private readonly onCompletion = (f: FutureLike<unknown>): void => {
    if (this.todo.size === 0) return; // the timeout came first
    this.todo.delete(f);
    this.done.put(f);
    if (this.todo.size === 0) this.timeoutHandle?.cancel();
  };

  constructor(loop: EventLoop, futures: Set<FutureLike<unknown>>, timeout: number | null) {
    this.done = new DoneQueue(loop);
    this.todo = futures;
    for (const f of futures) f.addDoneCallback(this.onCompletion);
    if (futures.size > 0 && timeout !== null) {
      this.timeoutHandle = loop.callLater(timeout, () => {
        for (const f of this.todo) {
          f.removeDoneCallback(this.onCompletion);
          this.done.put(TIMED_OUT);
        }
        this.todo.clear();
      });
    }
    this.todoLeft = futures.size;
  }

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<Coroutine<T>, undefined> {
    if (this.todoLeft === 0) return { value: undefined, done: true };
    this.todoLeft--;
    return { value: this.waitForOne(), done: false };
  }

  private *waitForOne(): Generator<Yielded, T, unknown> {
    const f = yield* this.done.get();
    if (f === TIMED_OUT) throw new TimeoutError("asCompleted(): the timeout passed");
    return f.result() as T;
  }
}

/**
 * Runs the awaitables concurrently and returns an iterable of operations, one per distinct
 * awaitable: the first `yield*` gives the result of whichever finishes first, the next the
 * second, and so on (an error is thrown by its operation). Coroutines are wrapped in tasks at
 * once; duplicates count once.
 *
 * @asyncio `asyncio.as_completed(aws, timeout=None)` used as a plain iterator (3.13)
 * @throws {TypeError} (at once) if `aws` is not an iterable of awaitables (naming the position
 * of a bad element), or `timeout` is not a number.
 * @throws {RangeError} (at once) if `timeout` is NaN.
 * @throws {@link TimeoutError} from each operation still unresolved when the timeout passes;
 * the awaitables are not cancelled.
 * @throws whatever the awaitable that finished failed with.
 * @example
 * for (const next of asCompleted([fetchA(), fetchB()], { timeout: 5000 })) {
 *   const page = yield* next; // fastest first
 * }
 */
export function asCompleted<A extends Operation<unknown>>(
  aws: Iterable<A>,
  options: AsCompletedOptions = {},
): IterableIterator<Coroutine<ResultOf<A>>> {
  if (
    aws === null ||
    typeof aws !== "object" ||
    isFutureLike(aws) ||
    isCoroutine(aws) ||
    typeof (aws as Iterable<A>)[Symbol.iterator] !== "function"
  ) {
    throw new TypeError(
      `asCompleted(aws): aws must be an iterable (an array or a set) of awaitables, got ${describeValue(aws)}`,
    );
  }
  if (options === null || typeof options !== "object") {
    throw new TypeError(
      `asCompleted(aws, options): options must be an object, got ${describeValue(options)}`,
    );
  }
  const timeout = checkMilliseconds("asCompleted(aws, options): options.timeout", options.timeout);
  const unique = [...new Set(aws)];
  for (let i = 0; i < unique.length; i++) checkAwaitable(unique[i], `asCompleted(aws): aws[${i}]`);
  const bound = unique.find(isBoundFuture) as FutureLike<unknown> | undefined;
  const loop: EventLoop =
    getRunningLoopOrNull() ?? (bound !== undefined ? bound.getLoop() : getRunningLoop());
  const futures = new Set<FutureLike<unknown>>();
  for (let i = 0; i < unique.length; i++) {
    futures.add(ensureFuture(unique[i], loop, `asCompleted(aws): aws[${i}]`));
  }
  return new AsCompletedIterator<ResultOf<A>>(loop, futures, timeout);
}
