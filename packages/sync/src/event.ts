import type { Coroutine } from "@corio/interfaces";
import { ParkingLot } from "@corio/internal";
import { LoopBound } from "./loop-bound.js";

/**
 * What {@link Event.statistics} reports.
 *
 * @asyncio none: asyncio keeps its waiters private (`_waiters`)
 * @example
 * event.statistics(); // { isSet: false, waiting: 1 }
 */
export interface EventStatistics {
  /** True while the flag is set. */
  isSet: boolean;
  /** Coroutines waiting in `wait()`. */
  waiting: number;
}

/**
 * A flag that tasks wait on: `wait()` returns once `set()` is called, and at once while the flag
 * stays set. Waiters are woken in the order they started waiting.
 *
 * @asyncio `asyncio.Event`
 * @example
 * const ready = new Event();
 * createTask((function* () { yield* ready.wait(); console.log("go"); })());
 * yield* sleep(1000);
 * ready.set(); // prints "go"
 */
export class Event extends LoopBound {
  /** @internal */ _value = false;
  /** @internal Coroutines waiting in `wait()`; woken ones stay until they resume. */
  readonly _waiters = new ParkingLot<true>();

  /**
   * True while the flag is set.
   *
   * @asyncio `Event.is_set`
   * @example
   * if (ready.isSet()) console.log("already set");
   */
  isSet(): boolean {
    return this._value;
  }

  /**
   * Sets the flag and wakes every waiting task; `wait()` then returns at once until `clear()`.
   *
   * @asyncio `Event.set`
   * @throws {@link RuntimeError} if called while another event loop than the event's runs (its
   * waiters could not be woken from there). Outside any loop, as in a host callback, it works.
   * @example
   * done.set();
   */
  set(): void {
    this._checkCaller();
    if (this._value) return;
    this._value = true;
    this._waiters.wake(true, Number.POSITIVE_INFINITY);
  }

  /**
   * Clears the flag: later `wait()` calls wait for the next `set()`.
   *
   * @asyncio `Event.clear`
   * @example
   * event.clear();
   */
  clear(): void {
    this._value = false;
  }

  /**
   * Waits until the flag is set; returns `true` at once if it already is.
   *
   * @asyncio `Event.wait`
   * @throws {@link CancelledError} if the waiting task is cancelled; the event is unaffected.
   * @throws {@link RuntimeError} if the event is used from two event loops.
   * @example
   * yield* shutdown.wait();
   */
  *wait(): Coroutine<true> {
    if (this._value) return true;
    const fut = this._waiters.park(this._getLoop(), "Event.wait()");
    try {
      return yield* fut;
    } finally {
      this._waiters.leave(fut);
    }
  }

  /**
   * The flag and how many coroutines wait, without peeking at private fields.
   *
   * @example
   * event.statistics(); // { isSet: false, waiting: 2 }
   */
  statistics(): EventStatistics {
    return { isSet: this._value, waiting: this._waiters.size };
  }

  override toString(): string {
    const waiting = this._waiters.size;
    return `<Event [${this._value ? "set" : "unset"}${waiting ? `, waiters:${waiting}` : ""}]>`;
  }
}
