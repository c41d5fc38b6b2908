/**
 * How it works (asyncio 3.13): `release()` unlocks and wakes the first waiter, but does not hand
 * the lock over; the woken task takes it when it resumes. Meanwhile a newcomer that finds waiters
 * queued joins the queue instead of barging in, so waiters are served in FIFO order. A woken waiter
 * that is cancelled before it resumes wakes the next one, so the lock never stays stuck.
 */

import type { Coroutine, Operation } from "@corio/interfaces";
import { RuntimeError } from "@corio/interfaces";
import { ParkingLot } from "@corio/internal";
import { holding, LoopBound } from "./loop-bound.js";

/**
 * What {@link Lock.statistics} reports.
 *
 * @asyncio none: asyncio keeps its waiters private (`_waiters`)
 * @example
 * lock.statistics(); // { locked: true, waiting: 2 }
 */
export interface LockStatistics {
  /** True while the lock is held. */
  locked: boolean;
  /** Coroutines waiting in `acquire()`. */
  waiting: number;
}

/**
 * Anything a {@link Condition} can use as its lock.
 *
 * @asyncio the `lock` argument of `asyncio.Condition`
 *
 * @example
 * const cond = new Condition(new Lock()); // any LockLike
 */
export interface LockLike {
  locked(): boolean;
  acquire(): Operation<unknown>;
  release(): void;
}

/**
 * A mutual-exclusion lock for tasks: one holder at a time, waiters served first come, first
 * served. Not owned by a task: any task may release it.
 *
 * @asyncio `asyncio.Lock`
 * @example
 * const lock = new Lock();
 * yield* lock.acquire();
 * try {
 *   yield* writeSharedState();
 * } finally {
 *   lock.release();
 * }
 * // or, the same in one line:
 * yield* lock.withLock(writeSharedState);
 */
export class Lock extends LoopBound implements LockLike {
  /** @internal */ _locked = false;
  /** @internal Coroutines waiting in `acquire()`; a woken one stays until it resumes. */
  readonly _waiters = new ParkingLot<true>();

  /**
   * True while the lock is held.
   *
   * @asyncio `Lock.locked`
   * @example
   * if (!lock.locked()) console.log("free");
   */
  locked(): boolean {
    return this._locked;
  }

  /**
   * Waits until the lock is free and takes it; returns `true`. Takes it at once when it is free
   * and nobody is queued.
   *
   * @asyncio `Lock.acquire`
   * @throws {@link CancelledError} if the waiting task is cancelled; the lock is not taken, and if
   * this waiter had already been woken, the next waiter is woken instead.
   * @throws {@link RuntimeError} if the lock is used from two event loops.
   * @example
   * yield* lock.acquire();
   * try { counter += 1; } finally { lock.release(); }
   */
  *acquire(): Coroutine<true> {
    if (!this._locked && this._waiters.allCancelled()) {
      this._locked = true;
      return true;
    }
    const fut = this._waiters.park(this._getLoop(), "Lock.acquire()");
    try {
      try {
        yield* fut;
      } finally {
        this._waiters.leave(fut);
      }
    } catch (error) {
      // Cancelled (woken or not): if nobody holds the lock, the next waiter must get its turn.
      if (!this._locked) this._waiters.wakeFirst(true);
      throw error;
    }
    this._locked = true;
    return true;
  }

  /**
   * Unlocks and wakes the first waiting task, which takes the lock when it resumes.
   *
   * @asyncio `Lock.release`
   * @throws {@link RuntimeError} if the lock is not held.
   * @example
   * lock.release();
   */
  release(): void {
    if (!this._locked) throw new RuntimeError("Lock is not acquired.");
    this._locked = false;
    this._waiters.wakeFirst(true);
  }

  /**
   * Runs `body` while holding the lock, and releases it however `body` ends: `async with lock`.
   *
   * @asyncio `async with lock:`
   * `body` may be a generator function (awaited) or a plain function (its value is returned).
   *
   * @throws {TypeError} if `body` is not a function.
   * @throws whatever `body` throws, after releasing the lock.
   * @throws {@link CancelledError} if the task is cancelled while waiting for the lock.
   * @example
   * const total = yield* lock.withLock(function* () {
   *   const v = yield* readCounter();
   *   yield* writeCounter(v + 1);
   *   return v + 1;
   * });
   */
  withLock<T>(body: () => Operation<T>): Coroutine<T>;
  withLock<T>(body: () => T): Coroutine<T>;
  withLock<T>(body: () => unknown): Coroutine<T> {
    return holding<T>(this, "withLock", body);
  }

  /**
   * Whether the lock is held and how many coroutines wait for it.
   *
   * @example
   * lock.statistics(); // { locked: true, waiting: 3 }
   */
  statistics(): LockStatistics {
    return { locked: this._locked, waiting: this._waiters.size };
  }

  override toString(): string {
    const waiting = this._waiters.size;
    return `<Lock [${this._locked ? "locked" : "unlocked"}${waiting ? `, waiters:${waiting}` : ""}]>`;
  }
}
