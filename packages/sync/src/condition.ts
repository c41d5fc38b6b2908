/**
 * How it works (asyncio 3.13): `wait()` releases the lock, parks on a future until `notify()`
 * resolves it, then takes the lock back, even when cancelled meanwhile (the cancellation is
 * re-thrown once the lock is held again). A waiter that ends with an error after being notified
 * passes the notification on to the next waiter, so a notify is never lost; that may wake one task
 * spuriously, which the condition variable protocol allows.
 */

import type { Coroutine, Operation } from "@corio/interfaces";
import { isCancelledError, RuntimeError } from "@corio/interfaces";
import { ParkingLot } from "@corio/internal";
import { Lock, type LockLike } from "./lock.js";
import { holding, LoopBound } from "./loop-bound.js";

/**
 * What {@link Condition.statistics} reports.
 *
 * @asyncio none: asyncio keeps its waiters private (`_waiters`)
 * @example
 * cond.statistics(); // { locked: false, waiting: 2 }
 */
export interface ConditionStatistics {
  /** True while the underlying lock is held. */
  locked: boolean;
  /** Coroutines waiting in `wait()` for a notification. */
  waiting: number;
}

/**
 * A condition variable: tasks holding its lock wait for another task to `notify()` them that
 * some state changed. Notified waiters take the lock back, one at a time, before `wait()`
 * returns.
 *
 * @asyncio `asyncio.Condition`
 * @throws {TypeError} if `lock` is given and is not lock-like.
 * @example
 * const cond = new Condition();
 * const items: string[] = [];
 * function* consume() {
 *   return yield* cond.withLock(function* () {
 *     yield* cond.waitFor(() => items.length > 0);
 *     return items.shift()!;
 *   });
 * }
 * function* produce(item: string) {
 *   yield* cond.withLock(function* () {
 *     items.push(item);
 *     cond.notify();
 *   });
 * }
 */
export class Condition extends LoopBound implements LockLike {
  /** @internal */ readonly _lock: LockLike;
  /** @internal Coroutines waiting in `wait()`; notified ones stay until they resume. */
  readonly _waiters = new ParkingLot<boolean>();

  constructor(lock?: LockLike) {
    super();
    if (lock === undefined) lock = new Lock();
    else if (
      typeof lock !== "object" ||
      lock === null ||
      typeof lock.acquire !== "function" ||
      typeof lock.release !== "function" ||
      typeof lock.locked !== "function"
    ) {
      throw new TypeError(
        "new Condition(lock): lock must be a Lock (an object with locked(), acquire() and release())",
      );
    }
    this._lock = lock;
  }

  /**
   * True while the underlying lock is held.
   *
   * @asyncio `Condition.locked`
   * @example
   * cond.locked(); // false
   */
  locked(): boolean {
    return this._lock.locked();
  }

  /**
   * Takes the underlying lock, waiting while it is held.
   *
   * @asyncio `Condition.acquire`
   * @throws {@link CancelledError} if the waiting task is cancelled.
   * @example
   * yield* cond.acquire();
   */
  *acquire(): Coroutine<true> {
    yield* this._lock.acquire();
    return true;
  }

  /**
   * Releases the underlying lock.
   *
   * @asyncio `Condition.release`
   * @throws {@link RuntimeError} if the lock is not held.
   * @example
   * cond.release();
   */
  release(): void {
    this._lock.release();
  }

  /**
   * Runs `body` holding the underlying lock, releasing it however `body` ends: `async with cond`.
   *
   * @asyncio `async with condition:`
   * `body` may be a generator function (awaited) or a plain function (its value is returned).
   *
   * @throws {TypeError} if `body` is not a function.
   * @throws whatever `body` throws, after releasing the lock.
   * @example
   * yield* cond.withLock(function* () { ready = true; cond.notifyAll(); });
   */
  withLock<T>(body: () => Operation<T>): Coroutine<T>;
  withLock<T>(body: () => T): Coroutine<T>;
  withLock<T>(body: () => unknown): Coroutine<T> {
    return holding<T>(this, "withLock", body);
  }

  /**
   * Releases the lock, waits until notified, then takes the lock back and returns `true`. It may
   * return spuriously: check the state again (or use {@link Condition.waitFor}).
   *
   * @asyncio `Condition.wait`
   * @throws {@link RuntimeError} if the lock is not held by the caller.
   * @throws {@link CancelledError} if the task is cancelled; the lock is held again when it
   * propagates, and a notification this waiter received goes to the next waiter.
   * @example
   * yield* cond.acquire();
   * try {
   *   while (!ready) yield* cond.wait();
   * } finally {
   *   cond.release();
   * }
   */
  *wait(): Coroutine<true> {
    if (!this.locked()) throw new RuntimeError("cannot wait on un-acquired lock");
    const loop = this._getLoop();
    this.release();
    try {
      try {
        const fut = this._waiters.park(loop, "Condition.wait()");
        try {
          yield* fut;
          return true;
        } finally {
          this._waiters.leave(fut);
        }
      } finally {
        // Take the lock back whatever happened; a cancellation while doing so is re-thrown after.
        let cancelled: unknown = null;
        for (;;) {
          try {
            yield* this._lock.acquire();
            break;
          } catch (error) {
            // biome-ignore lint/correctness/noUnsafeFinally: only a cancellation may be retried.
            if (!isCancelledError(error)) throw error;
            cancelled = error;
          }
        }
        // The cancellation wins over `return true`, as in asyncio.
        // biome-ignore lint/correctness/noUnsafeFinally: deliberate, see above.
        if (cancelled !== null) throw cancelled;
      }
    } catch (error) {
      // We may have been notified before the error: hand the notification to someone else.
      this._notify(1);
      throw error;
    }
  }

  /**
   * Waits until `predicate()` is truthy, checking it first and after each wakeup; returns its
   * last value. The lock must be held.
   *
   * @asyncio `Condition.wait_for`
   * @throws {TypeError} if `predicate` is not a function.
   * @throws {@link RuntimeError} if the lock is not held by the caller.
   * @throws {@link CancelledError} if the task is cancelled (the lock is held again).
   * @example
   * const item = yield* cond.waitFor(() => queue.shift());
   */
  *waitFor<T>(predicate: () => T): Coroutine<T> {
    if (typeof predicate !== "function") {
      throw new TypeError(
        `waitFor(predicate): predicate must be a function, got ${typeof predicate}`,
      );
    }
    let result = predicate();
    while (!result) {
      yield* this.wait();
      result = predicate();
    }
    return result;
  }

  /**
   * Wakes up to `n` waiting tasks (default 1), first come first. They return from `wait()` once
   * they get the lock back, so the caller should release it soon.
   *
   * @asyncio `Condition.notify`
   * @throws {@link RuntimeError} if the lock is not held.
   * @throws {TypeError} if `n` is not a number.
   * @example
   * cond.notify();
   */
  notify(n = 1): void {
    if (typeof n !== "number" || Number.isNaN(n)) {
      throw new TypeError(`notify(n): n must be a number, got ${typeof n}`);
    }
    if (!this.locked()) throw new RuntimeError("cannot notify on un-acquired lock");
    this._notify(n);
  }

  /**
   * Wakes every waiting task.
   *
   * @asyncio `Condition.notify_all`
   * @throws {@link RuntimeError} if the lock is not held.
   * @example
   * cond.notifyAll();
   */
  notifyAll(): void {
    this.notify(this._waiters.size);
  }

  /**
   * Whether the lock is held and how many coroutines wait for a notification.
   *
   * @example
   * cond.statistics(); // { locked: false, waiting: 2 }
   */
  statistics(): ConditionStatistics {
    return { locked: this.locked(), waiting: this._waiters.size };
  }

  /** @internal */
  _notify(n: number): void {
    this._waiters.wake(false, n);
  }

  override toString(): string {
    const waiting = this._waiters.size;
    return `<Condition [${this.locked() ? "locked" : "unlocked"}${waiting ? `, waiters:${waiting}` : ""}]>`;
  }
}
