/**
 * How it works (asyncio 3.13): the counter is decremented on behalf of a waiter at the moment it
 * is woken, so a woken waiter owns its unit before it resumes. A newcomer waits whenever an
 * uncancelled waiter is queued, even if units are free (FIFO). A waiter woken and then cancelled
 * before it resumes gives its unit back, and every acquire that ends wakes as many waiters as
 * there are free units, so units are never stranded.
 */

import type { Coroutine, Operation } from "@corio/interfaces";
import { ParkingLot } from "@corio/internal";
import { describe, holding, LoopBound } from "./loop-bound.js";

/**
 * What {@link Semaphore.statistics} reports.
 *
 * @asyncio none: asyncio keeps its waiters private (`_waiters`)
 * @example
 * sem.statistics(); // { value: 0, locked: true, waiting: 1, bound: 3 }
 */
export interface SemaphoreStatistics {
  /** Free units: how many `acquire()` calls could succeed now, FIFO rules aside. */
  value: number;
  /** True if `acquire()` would wait. */
  locked: boolean;
  /** Coroutines waiting in `acquire()`. */
  waiting: number;
  /** The bound of a {@link BoundedSemaphore}; `null` for a plain semaphore. */
  bound: number | null;
}

function checkValue(value: unknown, who: string): number {
  if (typeof value !== "number") {
    throw new TypeError(`${who}: value must be a number, got ${describe(value)}`);
  }
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${who}: value must be an integer >= 0, got ${describe(value)}`);
  }
  return value;
}

/**
 * A counter of free units: `acquire()` takes one, waiting while none is free; `release()` gives
 * one back. Waiters are served first come, first served. Use it to bound concurrency.
 *
 * @asyncio `asyncio.Semaphore`
 * @throws {TypeError} if `value` is not a number.
 * @throws {RangeError} if `value` is negative or not an integer.
 * @example
 * const slots = new Semaphore(3); // at most three downloads at once
 * function* download(url: string) {
 *   return yield* slots.withPermit(() => fetchPage(url));
 * }
 */
export class Semaphore extends LoopBound {
  /** @internal */ _value: number;
  /** @internal Coroutines waiting in `acquire()`; a woken one stays until it resumes. */
  readonly _waiters = new ParkingLot<true>();

  constructor(value = 1) {
    super();
    this._value = checkValue(value, `new ${new.target.name}(value)`);
  }

  /**
   * True if `acquire()` would wait: no unit is free, or uncancelled waiters are queued ahead.
   *
   * @asyncio `Semaphore.locked`
   * @example
   * if (sem.locked()) console.log("acquire() would wait");
   */
  locked(): boolean {
    return this._value === 0 || !this._waiters.allCancelled();
  }

  /**
   * Takes one unit, waiting while none is free or others queued first; returns `true`.
   *
   * @asyncio `Semaphore.acquire`
   * @throws {@link CancelledError} if the waiting task is cancelled; no unit is lost, even when
   * the task had already been woken.
   * @throws {@link RuntimeError} if the semaphore is used from two event loops.
   * @example
   * yield* sem.acquire();
   * try { yield* work(); } finally { sem.release(); }
   */
  *acquire(): Coroutine<true> {
    if (!this.locked()) {
      this._value--;
      return true;
    }
    const fut = this._waiters.park(this._getLoop(), `${this.constructor.name}.acquire()`);
    let woken = false;
    try {
      try {
        yield* fut;
      } finally {
        woken = this._waiters.leave(fut);
      }
    } catch (error) {
      // Woken (a unit was counted for us) but cancelled before resuming: give the unit back.
      if (woken) this._value++;
      throw error;
    } finally {
      // Waiters that queued behind us for FIFO's sake may now take the free units.
      while (this._value > 0) if (!this._wakeUpNext()) break;
    }
    return true;
  }

  /**
   * Gives one unit back and wakes the first waiter, if any.
   *
   * @asyncio `Semaphore.release`
   * @example
   * sem.release();
   */
  release(): void {
    this._value++;
    this._wakeUpNext();
  }

  /**
   * Runs `body` holding one unit, and gives it back however `body` ends: `async with sem`.
   *
   * @asyncio `async with semaphore:`
   * `body` may be a generator function (awaited) or a plain function (its value is returned).
   *
   * @throws {TypeError} if `body` is not a function.
   * @throws whatever `body` throws, after giving the unit back.
   * @throws {@link CancelledError} if the task is cancelled while waiting for a unit.
   * @example
   * const page = yield* sem.withPermit(() => fetchPage(url));
   */
  withPermit<T>(body: () => Operation<T>): Coroutine<T>;
  withPermit<T>(body: () => T): Coroutine<T>;
  withPermit<T>(body: () => unknown): Coroutine<T> {
    return holding<T>(this, "withPermit", body);
  }

  /**
   * Free units, whether `acquire()` would wait, and how many coroutines wait.
   *
   * @example
   * sem.statistics(); // { value: 0, locked: true, waiting: 2, bound: null }
   */
  statistics(): SemaphoreStatistics {
    return {
      value: this._value,
      locked: this.locked(),
      waiting: this._waiters.size,
      bound: null,
    };
  }

  /** @internal Wakes the first waiter not yet woken, counting its unit; false if none. */
  _wakeUpNext(): boolean {
    if (this._waiters.wake(true) === 0) return false;
    this._value--;
    return true;
  }

  override toString(): string {
    const waiting = this._waiters.size;
    const state = this.locked() ? "locked" : `unlocked, value:${this._value}`;
    return `<${this.constructor.name} [${state}${waiting ? `, waiters:${waiting}` : ""}]>`;
  }
}

/**
 * A {@link Semaphore} that refuses to be released more times than it was acquired, which catches
 * a release without a matching acquire.
 *
 * @asyncio `asyncio.BoundedSemaphore`
 * @throws {TypeError} if `value` is not a number.
 * @throws {RangeError} if `value` is negative or not an integer.
 * @example
 * const sem = new BoundedSemaphore(2);
 * sem.release(); // throws RangeError: released too many times
 */
export class BoundedSemaphore extends Semaphore {
  /** @internal */ readonly _bound: number;

  constructor(value = 1) {
    super(value);
    this._bound = value;
  }

  /**
   * Gives one unit back, like {@link Semaphore.release}.
   *
   * @asyncio `BoundedSemaphore.release`
   * @throws {RangeError} if that would make more units free than the semaphore started with
   * (asyncio raises `ValueError`); nothing changes then.
   * @example
   * sem.release();
   */
  override release(): void {
    if (this._value >= this._bound) {
      throw new RangeError(
        `BoundedSemaphore released too many times: value ${this._value} is already at its bound ${this._bound}`,
      );
    }
    super.release();
  }

  override statistics(): SemaphoreStatistics {
    return { ...super.statistics(), bound: this._bound };
  }
}
