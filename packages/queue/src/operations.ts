/**
 * The waiting operations of a queue: what `queue.get()`, `queue.put(item)` and `queue.join()`
 * return. Each is a small hand-written coroutine object (`next`, `throw`, `return`) rather than a
 * generator: on the fast path (an item or a slot is there) an operation costs one object and no
 * future, and a task can run one directly: `createTask(queue.get())`.
 *
 * How it works, as asyncio's `Queue.get`/`put`/`join` coroutines: `next()` does the thing if it
 * can, else parks a future in the queue's waiting list for that operation and yields it. The task
 * resumes the operation with `next()` once the future is done, or with `throw()` if the task was
 * cancelled after its future was already done (woken, not yet resumed). `_leave()` is asyncio's
 * `except:` clause: it takes the waiter out of the list and, if it had been woken for an item or
 * a slot it will not use, passes the wake-up on to the next waiter in line. A woken operation that
 * fails to use what it was woken for (a key function that throws for its item) passes it on too.
 *
 * Why they are shaped as they are: the queue benchmark (W3, a million put()/get() pairs) runs in a
 * fresh process, where much of the time passes before V8 has optimised this code, so what counts
 * is how many calls and allocations an operation costs before that. Hence:
 * - fields are assigned in the constructor: a class field initialiser is one more call per object;
 * - `next()` does put_nowait()/get_nowait() itself rather than calling them (and full()), which
 *   also keeps those out of V8's list of functions to compile, and it is written out in each
 *   operation so that the fast path makes no call at all.
 */

import { type Coroutine, type Future, QueueShutDown, type Yielded } from "@corio/interfaces";
import type { ParkingLot } from "@corio/internal";
import type { Queue } from "./queue.js";

const DONE: IteratorResult<Yielded, undefined> = Object.freeze({ value: undefined, done: true });

/**
 * @internal Queue's own `full`, `putNowait` and `getNowait`, filled in by queue.ts. The operations
 * do their work inline while a queue uses these, and call the methods when a subclass replaced
 * them, as asyncio's `get()` and `put()` call `get_nowait()` and `put_nowait()`.
 */
export const OWN: {
  full: (() => boolean) | null;
  putNowait: ((item: never) => void) | null;
  getNowait: (() => unknown) | null;
} = { full: null, putNowait: null, getNowait: null };

/** @internal The parts every queue operation shares: waiting, resuming, leaving. */
abstract class QueueOperation<T, R> implements Coroutine<R> {
  /** @internal */ declare _queue: Queue<T>;
  /** @internal The future this operation waits on, or null while it is not waiting. */
  declare _waiter: Future<void> | null;

  /**
   * Does the operation if it can now, otherwise parks (see `_park`). Each operation writes its
   * own, fast path first: the resuming below is kept out of it, behind one test of `_waiter`.
   */
  abstract next(): IteratorResult<Yielded, R>;
  /** @internal The waiting list this operation parks in. */
  abstract _lot(): ParkingLot<void>;
  /** @internal Hands a wake-up this operation will not use to the next waiter, if there is use for it. */
  abstract _passOn(): void;
  /** @internal A fresh operation of the same kind, for awaiting this one again while it waits. */
  abstract _copy(): QueueOperation<T, R>;

  [Symbol.iterator](): Coroutine<R> {
    // Awaiting the same operation again is another one; while it waits, that needs a copy.
    return this._waiter === null ? this : this._copy();
  }

  /** @internal `next()` while a waiter is parked: waits on, leaves if cancelled, or tries again once woken. */
  _resume(): IteratorResult<Yielded, R> {
    const waiter = this._waiter!;
    if (!waiter.done()) return waiter[Symbol.iterator]().next() as IteratorResult<Yielded, R>;
    if (waiter.cancelled()) {
      this._leave();
      waiter.result(); // throws the CancelledError
    }
    this._waiter = null;
    try {
      return this._woken();
    } catch (error) {
      // Woken for an item or a slot, but failed to use it (the store or an overridden method
      // threw): the next waiter must get the chance, as when a woken waiter is cancelled.
      this._passOn();
      throw error;
    }
  }

  /** @internal What a woken operation does: try again (it may park again if another took the item). */
  _woken(): IteratorResult<Yielded, R> {
    return this.next();
  }

  throw(error: unknown): IteratorResult<Yielded, R> {
    if (this._waiter !== null) this._leave();
    throw error;
  }

  return(value?: unknown): IteratorResult<Yielded, R> {
    if (this._waiter !== null) this._leave();
    return { value: value as R, done: true };
  }

  /** @internal Parks a waiter labelled `label` on the queue's loop and yields it to the task. */
  _park(label: string): IteratorResult<Yielded, R> {
    const fut = this._lot().park(this._queue._getLoop(), label);
    this._waiter = fut;
    return fut[Symbol.iterator]().next() as IteratorResult<Yielded, R>;
  }

  /** @internal Stops waiting; if woken for something it will not use, passes the wake-up on. */
  _leave(): void {
    const waiter = this._waiter!;
    this._waiter = null;
    waiter.cancel();
    if (this._lot().leave(waiter)) this._passOn();
  }
}

/** @internal `queue.get()` */
export class GetOperation<T> extends QueueOperation<T, T> {
  constructor(queue: Queue<T>) {
    super();
    this._queue = queue;
    this._waiter = null;
  }

  get [Symbol.toStringTag](): string {
    return "Queue.get()";
  }

  next(): IteratorResult<Yielded, T> {
    if (this._waiter !== null) return this._resume();
    const queue = this._queue;
    const store = queue._store;
    if (store.size !== 0) {
      let item: T;
      if (queue.getNowait === OWN.getNowait) {
        // getNowait()
        item = store.take();
        if (queue._putters.size !== 0) queue._putters.pop(undefined);
      } else {
        item = queue.getNowait();
      }
      return { value: item, done: true };
    }
    if (queue._isShutdown) throw new QueueShutDown("get(): the queue is shut down and empty");
    return this._park("Queue.get()");
  }

  /** @internal */ _lot(): ParkingLot<void> {
    return this._queue._getters;
  }

  /** @internal */ _passOn(): void {
    const queue = this._queue;
    if (queue._store.size !== 0) queue._getters.pop(undefined);
  }

  /** @internal */ _copy(): GetOperation<T> {
    return new GetOperation(this._queue);
  }
}

/** @internal `queue.put(item)` */
export class PutOperation<T> extends QueueOperation<T, void> {
  /** @internal */ declare _item: T;

  constructor(queue: Queue<T>, item: T) {
    super();
    this._queue = queue;
    this._item = item;
    this._waiter = null;
  }

  get [Symbol.toStringTag](): string {
    return "Queue.put()";
  }

  next(): IteratorResult<Yielded, void> {
    if (this._waiter !== null) return this._resume();
    const queue = this._queue;
    if (queue.full === OWN.full && queue.putNowait === OWN.putNowait) {
      const maxsize = queue._maxsize;
      if (maxsize <= 0 || queue._store.size < maxsize) {
        // putNowait(), which cannot find the queue full here
        if (queue._isShutdown) throw new QueueShutDown("putNowait(): the queue is shut down");
        queue._store.push(this._item);
        queue._unfinished++;
        if (queue._getters.size !== 0) queue._getters.pop(undefined);
        return DONE;
      }
    } else if (!queue.full()) {
      queue.putNowait(this._item);
      return DONE;
    }
    if (queue._isShutdown) throw new QueueShutDown("put(): the queue is shut down");
    return this._park("Queue.put()");
  }

  /** @internal */ _lot(): ParkingLot<void> {
    return this._queue._putters;
  }

  /** @internal */ _passOn(): void {
    const queue = this._queue;
    if (!queue.full()) queue._putters.pop(undefined);
  }

  /** @internal */ _copy(): PutOperation<T> {
    return new PutOperation(this._queue, this._item);
  }
}

/** @internal `queue.join()` */
export class JoinOperation extends QueueOperation<unknown, void> {
  constructor(queue: Queue<unknown>) {
    super();
    this._queue = queue;
    this._waiter = null;
  }

  get [Symbol.toStringTag](): string {
    return "Queue.join()";
  }

  next(): IteratorResult<Yielded, void> {
    if (this._waiter !== null) return this._resume();
    if (this._queue._unfinished === 0) return DONE;
    return this._park("Queue.join()");
  }

  /** @internal */ override _woken(): IteratorResult<Yielded, void> {
    // As asyncio's Event.wait(): once released, join() returns even if items came in since.
    return DONE;
  }

  /** @internal */ _lot(): ParkingLot<void> {
    return this._queue._joiners;
  }

  /** @internal */ _passOn(): void {}

  /** @internal */ _copy(): JoinOperation {
    return new JoinOperation(this._queue);
  }
}
