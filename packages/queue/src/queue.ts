/**
 * The FIFO queue, and the machinery `LifoQueue` and `PriorityQueue` share.
 *
 * How it works, following CPython 3.13's `asyncio/queues.py` step for step so that the order of
 * events is the same:
 * - Items live in an item store (a ring buffer here; a stack or a heap in the subclasses).
 * - A coroutine that cannot proceed parks a fresh future, labelled "Queue.get()" or "Queue.put()",
 *   at the back of the waiting list `_getters` or `_putters` and waits on it (operations.ts).
 * - `putNowait()` wakes the first getter that is still waiting (sets its future's result); the
 *   getter then loops: it takes an item if there is one and parks again otherwise. `getNowait()`
 *   does the same for putters.
 * - No item is lost: a waiter that is cancelled after being woken, but before it ran, hands its
 *   wake-up to the next waiter in line, so the item (or the free slot) it was woken for is not
 *   stranded. A waiter that is cancelled while still parked just leaves the line.
 */

import {
  type Coroutine,
  type EventLoop,
  getRunningLoop,
  InvalidStateError,
  QueueEmpty,
  QueueFull,
  type QueueLike,
  QueueShutDown,
  type QueueStatistics,
  RuntimeError,
} from "@corio/interfaces";
import { ParkingLot } from "@corio/internal";
import { QueueIterator } from "./iterate.js";
import { GetOperation, JoinOperation, OWN, PutOperation } from "./operations.js";
import { checkMaxsize, FifoStore, type ItemStore } from "./store.js";

/**
 * A first-in, first-out queue for coordinating producer and consumer coroutines, optionally
 * bounded.
 *
 * With `maxsize` 0 or less (the default) the queue is unbounded; otherwise `put()` waits while
 * `maxsize` items are in the queue. Waiting getters and putters are woken in the order they
 * arrived. No item is ever lost or duplicated: a `get()` cancelled while it waits (even one woken
 * but not resumed yet) leaves the item to the next getter, and a `put()` cancelled while it waits
 * puts nothing. A queue belongs to the first loop that waits on it.
 *
 * @asyncio `asyncio.Queue`
 * @throws {TypeError} if `maxsize` is not a number.
 * @throws {RangeError} if `maxsize` is not an integer (`Infinity` is accepted: unbounded).
 * @example
 * const queue = new Queue<string>(8);
 * createTask(function* () {
 *   for (;;) {
 *     const url = yield* queue.get();
 *     try {
 *       yield* crawl(url);
 *     } finally {
 *       queue.taskDone();
 *     }
 *   }
 * }());
 * for (const url of urls) yield* queue.put(url);
 * yield* queue.join(); // every url crawled
 */
export class Queue<T> implements QueueLike<T> {
  /** @internal */ _maxsize: number;
  /** @internal */ _store: ItemStore<T>;
  /** @internal Coroutines waiting in `get()`, first come first. */
  _getters: ParkingLot<void> = new ParkingLot();
  /** @internal Coroutines waiting in `put()`, first come first. */
  _putters: ParkingLot<void> = new ParkingLot();
  /** @internal Coroutines waiting in `join()`. */
  _joiners: ParkingLot<void> = new ParkingLot();
  /** @internal */ _unfinished = 0;
  /** @internal */ _isShutdown = false;
  /** @internal The loop this queue is bound to, once something waited on it. */
  _loop: EventLoop | null = null;

  constructor(maxsize = 0) {
    this._maxsize = checkMaxsize(maxsize, new.target?.name ?? "Queue");
    this._store = new FifoStore<T>();
  }

  /**
   * The bound given at construction: 0 or less means unbounded.
   *
   * @asyncio `asyncio.Queue.maxsize`
   */
  get maxsize(): number {
    return this._maxsize;
  }

  /**
   * The number of items in the queue.
   *
   * @asyncio `asyncio.Queue.qsize`
   * @example
   * if (queue.qsize() > 100) console.warn("falling behind");
   */
  qsize(): number {
    return this._store.size;
  }

  /**
   * True if the queue holds no item.
   *
   * @asyncio `asyncio.Queue.empty`
   * @example
   * while (!queue.empty()) handle(queue.getNowait());
   */
  empty(): boolean {
    return this._store.size === 0;
  }

  /**
   * True if the queue is bounded and holds `maxsize` items; never true for an unbounded queue.
   *
   * @asyncio `asyncio.Queue.full`
   * @example
   * if (!queue.full()) queue.putNowait(job);
   */
  full(): boolean {
    return this._maxsize > 0 && this._store.size >= this._maxsize;
  }

  /**
   * Puts `item` into the queue, waiting while the queue is full.
   *
   * @asyncio `asyncio.Queue.put`
   * @throws {@link QueueShutDown} if the queue is shut down, or is shut down while this waits.
   * @throws {@link CancelledError} if the waiting task is cancelled; nothing is put.
   * @throws {@link RuntimeError} if it has to wait and the queue is bound to another loop.
   * @example
   * yield* queue.put(job); // waits while the queue is full
   */
  put(item: T): Coroutine<void> {
    return new PutOperation(this, item);
  }

  /**
   * Puts `item` into the queue without waiting.
   *
   * @asyncio `asyncio.Queue.put_nowait`
   * @throws {@link QueueFull} if the queue is full.
   * @throws {@link QueueShutDown} if the queue is shut down.
   * @example
   * try {
   *   queue.putNowait(event);
   * } catch (e) {
   *   if (!(e instanceof QueueFull)) throw e;
   *   dropped++;
   * }
   */
  putNowait(item: T): void {
    if (this._isShutdown) throw new QueueShutDown("putNowait(): the queue is shut down");
    if (this._maxsize > 0 && this._store.size >= this._maxsize) {
      throw new QueueFull(`putNowait(): the queue is full (maxsize ${this._maxsize})`);
    }
    this._store.push(item);
    this._unfinished++;
    if (this._getters.size !== 0) this._getters.pop(undefined);
  }

  /**
   * Removes and returns the next item, waiting while the queue is empty.
   *
   * @asyncio `asyncio.Queue.get`
   * @throws {@link QueueShutDown} if the queue is shut down and empty (at once or while this
   * waits), or was shut down with `immediate`.
   * @throws {@link CancelledError} if the waiting task is cancelled; no item is lost.
   * @throws {@link RuntimeError} if it has to wait and the queue is bound to another loop.
   * @example
   * const job = yield* queue.get();
   */
  get(): Coroutine<T> {
    return new GetOperation(this);
  }

  /**
   * Removes and returns the next item without waiting.
   *
   * @asyncio `asyncio.Queue.get_nowait`
   * @throws {@link QueueEmpty} if the queue is empty.
   * @throws {@link QueueShutDown} if the queue is empty and shut down.
   * @example
   * const batch: Job[] = [];
   * while (!queue.empty()) batch.push(queue.getNowait());
   */
  getNowait(): T {
    const store = this._store;
    if (store.size === 0) {
      if (this._isShutdown) throw new QueueShutDown("getNowait(): the queue is shut down");
      throw new QueueEmpty("getNowait(): the queue is empty");
    }
    const item = store.take();
    if (this._putters.size !== 0) this._putters.pop(undefined);
    return item;
  }

  /**
   * Marks one item got from the queue as processed, so that `join()` can return once every item
   * put has been marked.
   *
   * @asyncio `asyncio.Queue.task_done`
   * @throws {@link InvalidStateError} if called more times than items were put (asyncio raises
   * `ValueError`).
   * @example
   * const job = yield* queue.get();
   * try {
   *   yield* handle(job);
   * } finally {
   *   queue.taskDone();
   * }
   */
  taskDone(): void {
    if (this._unfinished <= 0) {
      throw new InvalidStateError(
        "taskDone() called too many times: every item put has already been marked done",
      );
    }
    if (--this._unfinished === 0) this._setFinished();
  }

  /**
   * Waits until every item put into the queue has been got and marked with `taskDone()`.
   *
   * @asyncio `asyncio.Queue.join`
   * @throws {@link CancelledError} if the waiting task is cancelled.
   * @throws {@link RuntimeError} if it has to wait and the queue is bound to another loop.
   * @example
   * for (const job of jobs) queue.putNowait(job);
   * yield* queue.join(); // every job handled
   */
  join(): Coroutine<void> {
    return new JoinOperation(this);
  }

  /**
   * Shuts the queue down: `put()` and `putNowait()` throw `QueueShutDown` from now on, and `get()`
   * throws it once the queue is empty. Every coroutine waiting in `get()` or `put()` is woken to
   * see it. With `immediate`, the items left are dropped at once (each counts as `taskDone()`, which
   * may release `join()`) and `get()` throws right away.
   *
   * @asyncio `asyncio.Queue.shutdown` (Python 3.13)
   * @example
   * queue.shutdown();       // consumers finish what is queued, then stop
   * queue.shutdown(true);   // consumers stop now; queued items are dropped
   */
  shutdown(immediate = false): void {
    this._isShutdown = true;
    if (immediate) {
      const store = this._store;
      const dropped = store.size;
      store.clear();
      this._unfinished = Math.max(0, this._unfinished - dropped);
      if (this._unfinished === 0) this._setFinished();
    }
    // Every waiter must look again: getters will find the queue empty and shut down.
    this._getters.pop(undefined, Number.POSITIVE_INFINITY);
    this._putters.pop(undefined, Number.POSITIVE_INFINITY);
  }

  /**
   * A snapshot of the queue: its size and bound, how many coroutines wait in `get()` and `put()`,
   * how many items await `taskDone()`, and whether it is shut down. A waiter already woken (for an
   * item, a free slot or the shutdown) but not yet resumed no longer counts as waiting.
   *
   * @asyncio none: corio's primitives all report their waiters this way.
   * @example
   * queue.statistics(); // { size: 2, maxsize: 8, waitingGetters: 0, waitingPutters: 1, ... }
   */
  statistics(): QueueStatistics {
    return {
      size: this._store.size,
      maxsize: this._maxsize,
      waitingGetters: this._getters.countWaiting(),
      waitingPutters: this._putters.countWaiting(),
      unfinishedTasks: this._unfinished,
      isShutdown: this._isShutdown,
    };
  }

  /** A short description, as asyncio's `str(queue)`: `<Queue maxsize=2 _queue=[1, 2] tasks=2>`. */
  toString(): string {
    let out = `<${this.constructor.name} maxsize=${this._maxsize}`;
    if (this._store.size !== 0) out += ` _queue=[${this._store.toArray().map(String).join(", ")}]`;
    const getters = this._getters.countWaiting();
    const putters = this._putters.countWaiting();
    if (getters !== 0) out += ` _getters[${getters}]`;
    if (putters !== 0) out += ` _putters[${putters}]`;
    if (this._unfinished !== 0) out += ` tasks=${this._unfinished}`;
    if (this._isShutdown) out += " shutdown";
    return `${out}>`;
  }

  /**
   * Async iteration from plain async code: `for await (const item of queue)` takes items until the
   * queue is shut down and empty. Each item is marked done (`taskDone()`) when the loop body asks
   * for the next one or leaves the loop. Waiting runs on the queue's loop (the running loop, or the
   * one the queue is bound to). Inside a coroutine, use `consume(queue, handle)` instead: it waits
   * with `yield*`, where the task can be cancelled.
   *
   * @asyncio none: asyncio queues are not async-iterable; it is the `while True: await q.get()`
   * worker loop, ending on `QueueShutDown`.
   * @throws {@link RuntimeError} (from `next()`) when the queue is empty and no loop runs to wait on.
   * @example
   * for await (const job of queue) {
   *   await handle(job); // queue.join() waits for it
   * }
   */
  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return new QueueIterator(this);
  }

  /** @internal The loop to make waiters on, binding the queue to it on first use (as asyncio). */
  _getLoop(): EventLoop {
    const loop = getRunningLoop();
    if (this._loop === null) this._loop = loop;
    else if (this._loop !== loop) {
      throw new RuntimeError(`${this} is bound to a different event loop`);
    }
    return loop;
  }

  /** @internal Every item is done: release `join()`. */
  _setFinished(): void {
    if (this._joiners.size !== 0) this._joiners.pop(undefined, Number.POSITIVE_INFINITY);
  }
}

OWN.full = Queue.prototype.full;
OWN.putNowait = Queue.prototype.putNowait;
OWN.getNowait = Queue.prototype.getNowait;
