/**
 * The waiting list every corio primitive parks its waiters in: the queue's getters, putters and
 * joiners, and the waiters of Lock, Semaphore, Event and Condition (Barrier waits through its
 * Condition). trio keeps one such "parking lot" for all its primitives; this is corio's.
 *
 * How it works: a waiter is a future made on the primitive's loop and kept in a FIFO (a ring
 * buffer). Waking a waiter sets its future's result; the task parked on it resumes one loop
 * iteration later. Between the two it can still be cancelled, and then it must pass its wake-up
 * on, or an item, a free slot, a lock or a notification would be stranded. `leave()` says whether
 * the leaving waiter had been woken, so each primitive can decide what passing on means for it
 * (the queue wakes the next getter only if an item is still there, the lock only if it is still
 * free, and so on).
 *
 * Two ways of waking, because asyncio's primitives differ here and corio keeps their order of
 * events exactly:
 * - `wake()` keeps a woken waiter in the list until its task resumes and leaves. Lock and
 *   Semaphore need that: a woken waiter still counts as queued, so a newcomer does not barge in.
 * - `pop()` removes the woken waiter at once (asyncio's `Queue._wakeup_next`), which keeps a burst
 *   of wake-ups O(1) each.
 *
 * @internal
 */
import type { EventLoop, Future } from "@corio/interfaces";
import { Deque } from "./deque.js";

export class ParkingLot<V> {
  /** @internal The waiters, first come first; cancelled ones stay until their task leaves. */
  declare _waiters: Deque<Future<V>>;

  constructor() {
    this._waiters = new Deque();
  }

  /** Waiters in the list, including those woken (or cancelled) whose task has not left yet. */
  get size(): number {
    return this._waiters.size;
  }

  /** Makes a waiter on `loop`, labelled for task listings, and queues it at the back. */
  park(loop: EventLoop, label: string): Future<V> {
    const waiter = loop.createFuture<V>(label);
    this._waiters.push(waiter);
    return waiter;
  }

  /**
   * Takes `waiter` out of the list when its task stops waiting, for whatever reason. Returns true
   * if it had been woken (its future has a result): the caller then passes the wake-up on unless
   * it uses what it was woken for.
   */
  leave(waiter: Future<V>): boolean {
    this._waiters.remove(waiter);
    return waiter.done() && !waiter.cancelled();
  }

  /**
   * Wakes up to `count` waiters still waiting, first come first, leaving them in the list until
   * they leave; returns how many were woken.
   */
  wake(value: V, count = 1): number {
    const waiters = this._waiters;
    let woken = 0;
    for (let i = 0; i < waiters.size && woken < count; i++) {
      const waiter = waiters.at(i);
      if (!waiter.done()) {
        waiter.setResult(value);
        woken++;
      }
    }
    return woken;
  }

  /**
   * Wakes the first waiter in the list if it is still waiting; does nothing if that one is
   * already woken or cancelled (its task passes the turn on when it leaves). asyncio's
   * `Lock._wake_up_first`.
   */
  wakeFirst(value: V): boolean {
    const first = this._waiters.peek();
    if (first === undefined || first.done()) return false;
    first.setResult(value);
    return true;
  }

  /**
   * Wakes up to `count` waiters still waiting and removes them from the list, together with
   * every waiter already done found ahead of them; returns how many were woken. With `count`
   * Infinity the list ends empty.
   */
  pop(value: V, count = 1): number {
    const waiters = this._waiters;
    let woken = 0;
    while (woken < count && waiters.size !== 0) {
      const waiter = waiters.shift();
      if (!waiter.done()) {
        waiter.setResult(value);
        woken++;
      }
    }
    return woken;
  }

  /** Waiters still waiting: neither woken nor cancelled. */
  countWaiting(): number {
    const waiters = this._waiters;
    let n = 0;
    for (let i = 0; i < waiters.size; i++) if (!waiters.at(i).done()) n++;
    return n;
  }

  /** True if every waiter in the list was cancelled (true for an empty list). */
  allCancelled(): boolean {
    const waiters = this._waiters;
    for (let i = 0; i < waiters.size; i++) if (!waiters.at(i).cancelled()) return false;
    return true;
  }
}
