/**
 * The FIFO queue, and the machinery `LifoQueue` and `PriorityQueue` share.
 *
 * How it works, following CPython 3.13's `asyncio/queues.py` step for step so that the order of
 * events is the same:
 * - Items live in an item store (a ring buffer here; a stack or a heap in the subclasses).
 * - A coroutine that cannot proceed parks a fresh future, labelled "Queue.get()" or "Queue.put()",
 *   at the back of `_getters` or `_putters` and waits on it.
 * - `putNowait()` wakes the first getter that is still waiting (sets its future's result); the
 *   getter then loops: it takes an item if there is one and parks again otherwise. `getNowait()`
 *   does the same for putters.
 * - No item is lost: a waiter that is cancelled after being woken, but before it ran, hands its
 *   wake-up to the next waiter in line, so the item (or the free slot) it was woken for is not
 *   stranded. A waiter that is cancelled while still parked just leaves the line.
 *
 * `get()`, `put()` and `join()` return small hand-written coroutine objects (`next`, `throw`,
 * `return`) rather than generators: on the fast path (an item or a slot is there) an operation
 * costs one object and no future, and a task can run one directly: `createTask(queue.get())`.
 */
import {
  type Coroutine,
  describeValue,
  type EventLoop,
  type Future,
  getRunningLoop,
  InvalidStateError,
  QueueEmpty,
  QueueFull,
  type QueueLike,
  QueueShutDown,
  type QueueStatistics,
  RuntimeError,
  type Yielded,
} from "@corio/interfaces";
import { Deque } from "./deque.js";

/**
 * How a queue keeps its items. `Queue` uses a ring buffer, `LifoQueue` a stack, `PriorityQueue`
 * a binary heap.
 *
 * @internal
 */
export interface ItemStore<T> {
  readonly size: number;
  /** Adds an item. May throw (a priority that cannot be ordered) and must then change nothing. */
  push(item: T): void;
  /** Removes and returns the next item; the store is not empty. */
  take(): T;
  clear(): void;
  /** The items, for `toString()`. */
  toArray(): T[];
}

/** @internal The FIFO store. */
class FifoStore<T> extends Deque<T> implements ItemStore<T> {
  declare take: () => T;
}
// `take` is `shift` itself rather than a method calling it: one call less per get().
FifoStore.prototype.take = Deque.prototype.shift;

const DONE: IteratorResult<Yielded, undefined> = Object.freeze({ value: undefined, done: true });

/** @internal Words bad input alike across corio packages. */
export const describe = describeValue;

/** @internal Validates `maxsize` as asyncio reads it: an integer, 0 or less meaning unbounded. */
export function checkMaxsize(maxsize: unknown, who: string): number {
  if (typeof maxsize !== "number") {
    throw new TypeError(
      `${who}(maxsize): maxsize must be an integer (0 or less: unbounded), got ${describe(maxsize)}`,
    );
  }
  if (!Number.isInteger(maxsize) && maxsize !== Number.POSITIVE_INFINITY) {
    throw new RangeError(
      `${who}(maxsize): maxsize must be an integer (0 or less: unbounded), got ${maxsize}`,
    );
  }
  return maxsize;
}

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
  /** @internal Futures of coroutines waiting in `get()`, first come first. */
  _getters: Deque<Future<void>> = new Deque();
  /** @internal Futures of coroutines waiting in `put()`, first come first. */
  _putters: Deque<Future<void>> = new Deque();
  /** @internal Futures of coroutines waiting in `join()`. */
  _joiners: Future<void>[] | null = null;
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
    if (this._getters.size !== 0) wakeupNext(this._getters);
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
    if (this._putters.size !== 0) wakeupNext(this._putters);
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
    wakeupAll(this._getters);
    wakeupAll(this._putters);
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
      waitingGetters: countWaiting(this._getters),
      waitingPutters: countWaiting(this._putters),
      unfinishedTasks: this._unfinished,
      isShutdown: this._isShutdown,
    };
  }

  /** A short description, as asyncio's `str(queue)`: `<Queue maxsize=2 _queue=[1, 2] tasks=2>`. */
  toString(): string {
    let out = `<${this.constructor.name} maxsize=${this._maxsize}`;
    if (this._store.size !== 0) out += ` _queue=[${this._store.toArray().map(String).join(", ")}]`;
    const getters = countWaiting(this._getters);
    const putters = countWaiting(this._putters);
    if (getters !== 0) out += ` _getters[${getters}]`;
    if (putters !== 0) out += ` _putters[${putters}]`;
    if (this._unfinished !== 0) out += ` tasks=${this._unfinished}`;
    if (this._isShutdown) out += " shutdown";
    return `${out}>`;
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
    const joiners = this._joiners;
    if (joiners === null) return;
    this._joiners = null;
    for (let i = 0; i < joiners.length; i++) {
      const fut = joiners[i]!;
      if (!fut.done()) fut.setResult(undefined);
    }
  }
}

// The methods the operations below do inline, unless a subclass or a test has replaced them.
const QUEUE_FULL = Queue.prototype.full;
const QUEUE_PUT_NOWAIT = Queue.prototype.putNowait;
const QUEUE_GET_NOWAIT = Queue.prototype.getNowait;

/** Wakes the first waiter that is still waiting; waiters cancelled meanwhile are dropped. */
function wakeupNext(waiters: Deque<Future<void>>): void {
  while (waiters.size !== 0) {
    const waiter = waiters.shift();
    if (!waiter.done()) {
      waiter.setResult(undefined);
      return;
    }
  }
}

function wakeupAll(waiters: Deque<Future<void>>): void {
  while (waiters.size !== 0) {
    const waiter = waiters.shift();
    if (!waiter.done()) waiter.setResult(undefined);
  }
}

/** Waiters still parked; a cancelled one stays in line until its task resumes and leaves. */
function countWaiting(waiters: Deque<Future<void>>): number {
  let n = 0;
  const all = waiters.toArray();
  for (let i = 0; i < all.length; i++) if (!all[i]!.done()) n++;
  return n;
}

// --- the waiting operations ------------------------------------------------------------------
//
// Each is an iterator driven by `yield*`. `next()` runs the loop of asyncio's coroutine: do the
// thing if possible, else park a future and yield it. The task resumes the iterator with `next()`
// once the future is done, or with `throw()` if the task was cancelled after its future was
// already done (woken, not yet resumed). `_leave()` is asyncio's `except:` clause.
//
// Why they are shaped as they are: the queue benchmark (W3, a million put()/get() pairs) runs in a
// fresh process, where much of the time passes before V8 has optimised this code, so what counts
// is how many calls and allocations an operation costs before that. Hence:
// - fields are assigned in the constructor: a class field initialiser is one more call per object;
// - `next()` does put_nowait()/get_nowait() itself rather than calling them (and full()), which
//   also keeps those out of V8's list of functions to compile.

/** @internal `queue.get()` */
class GetOperation<T> implements Coroutine<T> {
  /** @internal */ declare _queue: Queue<T>;
  /** @internal The future this get waits on, or null while it is not waiting. */
  declare _waiter: Future<void> | null;

  constructor(queue: Queue<T>) {
    this._queue = queue;
    this._waiter = null;
  }

  [Symbol.iterator](): Coroutine<T> {
    // Awaiting the same operation again is another get(); while it waits, that needs a copy.
    return this._waiter === null ? this : new GetOperation(this._queue);
  }

  get [Symbol.toStringTag](): string {
    return "Queue.get()";
  }

  next(): IteratorResult<Yielded, T> {
    const queue = this._queue;
    const waiter = this._waiter;
    if (waiter !== null) {
      if (!waiter.done()) return waiter[Symbol.iterator]().next() as IteratorResult<Yielded, T>;
      if (waiter.cancelled()) {
        this._leave();
        waiter.result(); // throws the CancelledError
      }
      this._waiter = null;
    }
    const store = queue._store;
    if (store.size !== 0) {
      let item: T;
      if (queue.getNowait === QUEUE_GET_NOWAIT) {
        // getNowait()
        item = store.take();
        if (queue._putters.size !== 0) wakeupNext(queue._putters);
      } else {
        // A subclass (or a test) replaced getNowait(): call it, as asyncio's get() does.
        item = queue.getNowait();
      }
      return { value: item, done: true };
    }
    if (queue._isShutdown) throw new QueueShutDown("get(): the queue is shut down and empty");
    const fut = queue._getLoop().createFuture<void>("Queue.get()");
    queue._getters.push(fut);
    this._waiter = fut;
    return fut[Symbol.iterator]().next() as IteratorResult<Yielded, T>;
  }

  throw(error: unknown): IteratorResult<Yielded, T> {
    if (this._waiter !== null) this._leave();
    throw error;
  }

  return(value?: unknown): IteratorResult<Yielded, T> {
    if (this._waiter !== null) this._leave();
    return { value: value as T, done: true };
  }

  /** Stops waiting; if woken for an item it will not take, passes the wake-up on. */
  private _leave(): void {
    const waiter = this._waiter!;
    const queue = this._queue;
    this._waiter = null;
    waiter.cancel();
    queue._getters.remove(waiter);
    if (queue._store.size !== 0 && !waiter.cancelled()) wakeupNext(queue._getters);
  }
}

/** @internal `queue.put(item)` */
class PutOperation<T> implements Coroutine<void> {
  /** @internal */ declare _queue: Queue<T>;
  /** @internal */ declare _item: T;
  /** @internal The future this put waits on, or null while it is not waiting. */
  declare _waiter: Future<void> | null;

  constructor(queue: Queue<T>, item: T) {
    this._queue = queue;
    this._item = item;
    this._waiter = null;
  }

  [Symbol.iterator](): Coroutine<void> {
    // Awaiting the same operation again is another put(); while it waits, that needs a copy.
    return this._waiter === null ? this : new PutOperation(this._queue, this._item);
  }

  get [Symbol.toStringTag](): string {
    return "Queue.put()";
  }

  next(): IteratorResult<Yielded, void> {
    const queue = this._queue;
    const waiter = this._waiter;
    if (waiter !== null) {
      if (!waiter.done()) return waiter[Symbol.iterator]().next();
      if (waiter.cancelled()) {
        this._leave();
        waiter.result(); // throws the CancelledError
      }
      this._waiter = null;
    }
    if (queue.full === QUEUE_FULL && queue.putNowait === QUEUE_PUT_NOWAIT) {
      const maxsize = queue._maxsize;
      if (maxsize <= 0 || queue._store.size < maxsize) {
        // putNowait(), which cannot find the queue full here
        if (queue._isShutdown) throw new QueueShutDown("putNowait(): the queue is shut down");
        queue._store.push(this._item);
        queue._unfinished++;
        if (queue._getters.size !== 0) wakeupNext(queue._getters);
        return DONE;
      }
    } else if (!queue.full()) {
      // A subclass (or a test) replaced full() or putNowait(): call them, as asyncio's put() does.
      queue.putNowait(this._item);
      return DONE;
    }
    if (queue._isShutdown) throw new QueueShutDown("put(): the queue is shut down");
    const fut = queue._getLoop().createFuture<void>("Queue.put()");
    queue._putters.push(fut);
    this._waiter = fut;
    return fut[Symbol.iterator]().next();
  }

  throw(error: unknown): IteratorResult<Yielded, void> {
    if (this._waiter !== null) this._leave();
    throw error;
  }

  return(): IteratorResult<Yielded, void> {
    if (this._waiter !== null) this._leave();
    return DONE;
  }

  /** Stops waiting; if woken for a slot it will not fill, passes the wake-up on. */
  private _leave(): void {
    const waiter = this._waiter!;
    const queue = this._queue;
    this._waiter = null;
    waiter.cancel();
    queue._putters.remove(waiter);
    if (!queue.full() && !waiter.cancelled()) wakeupNext(queue._putters);
  }
}

/** @internal `queue.join()` */
class JoinOperation implements Coroutine<void> {
  private _waiter: Future<void> | null = null;
  private _started = false;
  constructor(private readonly _queue: Queue<unknown>) {}

  [Symbol.iterator](): Coroutine<void> {
    return this._started ? new JoinOperation(this._queue) : this;
  }

  get [Symbol.toStringTag](): string {
    return "Queue.join()";
  }

  next(): IteratorResult<Yielded, void> {
    this._started = true;
    const queue = this._queue;
    const waiter = this._waiter;
    if (waiter !== null) {
      if (!waiter.done()) return waiter[Symbol.iterator]().next();
      if (waiter.cancelled()) {
        this._leave();
        waiter.result(); // throws the CancelledError
      }
      // As asyncio's Event.wait(): once released, join() returns even if items came in since.
      this._waiter = null;
      return DONE;
    }
    if (queue._unfinished === 0) return DONE;
    const fut = queue._getLoop().createFuture<void>("Queue.join()");
    (queue._joiners ??= []).push(fut);
    this._waiter = fut;
    return fut[Symbol.iterator]().next();
  }

  throw(error: unknown): IteratorResult<Yielded, void> {
    if (this._waiter !== null) this._leave();
    throw error;
  }

  return(): IteratorResult<Yielded, void> {
    if (this._waiter !== null) this._leave();
    return DONE;
  }

  private _leave(): void {
    const waiter = this._waiter!;
    this._waiter = null;
    waiter.cancel();
    const joiners = this._queue._joiners;
    if (joiners !== null) {
      const i = joiners.indexOf(waiter);
      if (i !== -1) joiners.splice(i, 1);
    }
  }
}
