/**
 * The waiting list every corio primitive parks its waiters in: the queue's getters, putters and
 * joiners, and the waiters of Lock, Semaphore, Event and Condition (Barrier waits through its
 * Condition). trio keeps one such "parking lot" for all its primitives; this is corio's.
 *
 * How it works: a waiter is a future made on the primitive's loop and kept in a FIFO. Waking a
 * waiter sets its future's result; the task parked on it resumes one loop iteration later. Between
 * the two it can still be cancelled, or fail to use what it was woken for, and then it must pass
 * its wake-up on, or an item, a free slot, a lock or a notification would be stranded. `leave()`
 * says whether the leaving waiter had been woken, so each primitive decides what passing on means
 * for it (the queue wakes the next getter only if an item is still there, the lock only if it is
 * still free, and so on).
 *
 * Two ways of waking, because asyncio's primitives differ here and corio keeps their order of
 * events exactly:
 * - `wake()` keeps a woken waiter in the list until its task resumes and leaves. Lock and
 *   Semaphore need that: a woken waiter still counts as queued, so a newcomer does not barge in.
 * - `pop()` removes the woken waiter at once (asyncio's `Queue._wakeup_next`), which keeps a burst
 *   of wake-ups O(1) each.
 *
 * The FIFO is the `size` slots of an array from `_head` on: taking from the front moves `_head`,
 * which goes back to 0 whenever the list empties, so a list that keeps emptying (the usual case)
 * never allocates again. A long list is compacted once the taken part is most of it, so each
 * operation is O(1) amortised. `size` is a plain field rather than a getter: the queue reads it on
 * every put and get, and a getter was one more call each before V8 had optimised the caller.
 *
 * @internal
 */
import type { EventLoop, Future } from "@corio/interfaces";

export class ParkingLot<V> {
  /** @internal Waiters in slots `_head` to `_head + size`, first come first; the others are empty. */
  declare _items: (Future<V> | undefined)[];
  /** @internal */ declare _head: number;
  /** Waiters in the list, including those woken (or cancelled) whose task has not left yet. */
  declare size: number;

  constructor() {
    this._items = [];
    this._head = 0;
    this.size = 0;
  }

  /** Makes a waiter on `loop`, labelled for task listings, and queues it at the back. */
  park(loop: EventLoop, label: string): Future<V> {
    const waiter = loop.createFuture<V>(label);
    this._items[this._head + this.size++] = waiter;
    return waiter;
  }

  /**
   * Takes `waiter` out of the list when its task stops waiting, for whatever reason. Returns true
   * if it had been woken (its future has a result): the caller then passes the wake-up on unless
   * it uses what it was woken for.
   */
  leave(waiter: Future<V>): boolean {
    const items = this._items;
    const head = this._head;
    const i = items.indexOf(waiter, head);
    if (i === head) this._shift();
    else if (i !== -1) {
      const tail = head + this.size--;
      items.copyWithin(i, i + 1, tail);
      items[tail - 1] = undefined;
    }
    return waiter.done() && !waiter.cancelled();
  }

  /**
   * Wakes up to `count` waiters still waiting, first come first, leaving them in the list until
   * they leave; returns how many were woken.
   */
  wake(value: V, count = 1): number {
    const items = this._items;
    const tail = this._head + this.size;
    let woken = 0;
    for (let i = this._head; i < tail && woken < count; i++) {
      const waiter = items[i]!;
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
    if (this.size === 0) return false;
    const first = this._items[this._head]!;
    if (first.done()) return false;
    first.setResult(value);
    return true;
  }

  /**
   * Wakes up to `count` waiters still waiting and removes them from the list, together with
   * every waiter already done found ahead of them; returns how many were woken. With `count`
   * Infinity the list ends empty.
   */
  pop(value: V, count = 1): number {
    let woken = 0;
    while (woken < count && this.size !== 0) {
      const waiter = this._shift();
      if (!waiter.done()) {
        waiter.setResult(value);
        woken++;
      }
    }
    return woken;
  }

  /** Waiters still waiting: neither woken nor cancelled. */
  countWaiting(): number {
    const items = this._items;
    const tail = this._head + this.size;
    let n = 0;
    for (let i = this._head; i < tail; i++) if (!items[i]!.done()) n++;
    return n;
  }

  /** True if every waiter in the list was cancelled (true for an empty list). */
  allCancelled(): boolean {
    const items = this._items;
    const tail = this._head + this.size;
    for (let i = this._head; i < tail; i++) if (!items[i]!.cancelled()) return false;
    return true;
  }

  /** @internal Removes and returns the first waiter; the list is not empty. */
  private _shift(): Future<V> {
    const items = this._items;
    const head = this._head;
    const waiter = items[head]!;
    items[head] = undefined;
    const size = --this.size;
    if (size === 0) {
      this._head = 0;
    } else if (head >= 1024 && head > size) {
      // Most of the array is taken slots: move the waiters down and empty the rest.
      items.copyWithin(0, head + 1, head + 1 + size);
      items.fill(undefined, size, head + 1 + size);
      this._head = 0;
    } else this._head = head + 1;
    return waiter;
  }
}
