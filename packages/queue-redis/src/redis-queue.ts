/**
 * `RedisQueue`: asyncio's queue contract over a Redis stream and one consumer group, so that
 * producers and consumers in different processes (and machines) share one queue.
 *
 * How it works (the Lua scripts in scripts.ts do each Redis step atomically):
 * - Items put here go first to a local outbox. A `get()` in this process may take one straight
 *   from there (it never travels to Redis); the rest are sent in one script call (`XADD`, bound
 *   checked on the server) once the loop's current batch ends. `put()` returns once its item is
 *   stored in Redis or handed to a local getter; `putNowait()` returns at once.
 * - A `get()` that finds nothing local asks the engine (engine.ts) to read: `XREADGROUP` without
 *   blocking first, then blocking on a connection of its own. What Redis delivers is pending for
 *   this consumer until `taskDone()` acknowledges it (`XACK`, then `XDEL`), so the stream's length
 *   is the number of unfinished items across every process, which `join()` waits to see reach 0.
 * - Entries that arrive when no getter is left (it was cancelled) are handed back: copied to the
 *   stream's tail and acknowledged in one step. Entries a dead consumer held are taken over by
 *   the others after `claimIdleMs` (`XAUTOCLAIM`); a live consumer renews what it holds.
 * - Other processes are told to look again through pub/sub (`space`, `empty`, `shutdown`); the
 *   truth is always re-read from Redis, and a timer re-reads it too, so a lost message only delays.
 */
import {
  type Coroutine,
  type EventLoop,
  type Future,
  InvalidStateError,
  QueueEmpty,
  QueueFull,
  type QueueLike,
  QueueShutDown,
  type QueueStatistics,
  RuntimeError,
} from "@corio/interfaces";
import type { Connections } from "./connection.js";
import { Engine } from "./engine.js";
import { getOp, joinOp, putOp } from "./operations.js";
import type { Codec, Settings } from "./options.js";
import { wakeAll, wakeNext } from "./waiters.js";

/** @internal An item waiting in the outbox; `done` is the `put()` waiting for it, if any. */
export interface Outgoing {
  data: string;
  done: Future<void> | null;
}

/** @internal An item handed to a task: `id` is its stream entry, null if it never left this process. */
interface Held {
  id: string | null;
  task: unknown;
}

/**
 * A queue whose items live in a Redis stream, shared by every process that opens the same `key`.
 * Open one with {@link openRedisQueue}; it implements `QueueLike`, so code written for `Queue`
 * runs unchanged.
 *
 * Delivery is at least once: an item is never lost once `put()` returned, and it comes back if the
 * consumer that got it dies before `taskDone()`. Duplicates can appear only where the README's
 * "Where duplicates come from" section says.
 *
 * @asyncio `asyncio.Queue` (across processes)
 * @example
 * const queue = yield* openRedisQueue<Job>({ key: "jobs", redis: "redis://127.0.0.1:6379" });
 * const job = yield* queue.get();
 * try {
 *   yield* handle(job);
 * } finally {
 *   queue.taskDone(); // XACK: handled, do not deliver again
 * }
 */
export class RedisQueue<T> implements QueueLike<T> {
  /** The stream's key. */
  readonly key: string;
  /** The consumer group. */
  readonly group: string;
  /** This queue's consumer name in the group. */
  readonly consumer: string;
  /** @internal The bound, as stored in Redis (set by open). */
  _maxsize: number;
  /** @internal */ readonly _codec: Codec<T>;
  /** @internal */ readonly _loop: EventLoop;
  /** @internal */ readonly _engine: Engine;
  /** @internal Items not sent yet, oldest first. */
  _outbox: Outgoing[] = [];
  /** @internal Items in a put script whose reply has not come. */
  _sending = 0;
  /** @internal Entries delivered to this consumer and not handed out: [id, data]. */
  _inbox: [string, string][] = [];
  /** @internal Items handed out and not marked with `taskDone()`, in the order handed out. */
  _held: Held[] = [];
  /** @internal Ids marked done whose acknowledgement has not been confirmed. */
  _acking = 0;
  /** @internal Getters woken for an item and not resumed yet. */
  _reserved = new Set<Future<void>>();
  /** @internal */ _getters: Future<void>[] = [];
  /** @internal */ _putters: Future<void>[] = [];
  /** @internal */ _joiners: Future<void>[] = [];
  /** @internal Redis's counts as of the last reply. */
  _remoteSize = 0;
  /** @internal */ _remoteUnfinished = 0;
  /** @internal */ _isShutdown = false;
  /** @internal */ _immediate = false;
  /** @internal */ _closed = false;

  /** @internal Use {@link openRedisQueue}. */
  constructor(settings: Settings<T>, consumer: string, conns: Connections, loop: EventLoop) {
    this.key = settings.key;
    this.group = settings.group;
    this.consumer = consumer;
    this._maxsize = settings.maxsize ?? 0;
    this._codec = settings.codec;
    this._loop = loop;
    this._engine = new Engine(this as RedisQueue<unknown>, conns, settings.claimIdleMs);
  }

  /**
   * The bound across every process: 0 means unbounded.
   *
   * @asyncio `asyncio.Queue.maxsize`
   */
  get maxsize(): number {
    return this._maxsize;
  }

  /**
   * Items waiting for a consumer: Redis's count as of the last reply, plus what this process has
   * not sent or not handed out yet. Other processes change it meanwhile.
   *
   * @asyncio `asyncio.Queue.qsize`
   * @example
   * if (queue.qsize() > 1000) console.warn("consumers are falling behind");
   */
  qsize(): number {
    return this._remoteSize + this._outbox.length + this._sending + this._inbox.length;
  }

  /**
   * True if `qsize()` is 0.
   *
   * @asyncio `asyncio.Queue.empty`
   * @example
   * if (queue.empty()) console.log("idle");
   */
  empty(): boolean {
    return this.qsize() === 0;
  }

  /**
   * True if the queue is bounded and `qsize()` reached `maxsize`.
   *
   * @asyncio `asyncio.Queue.full`
   * @example
   * if (!queue.full()) queue.putNowait(job);
   */
  full(): boolean {
    return this._maxsize > 0 && this.qsize() >= this._maxsize;
  }

  /**
   * Puts `item`, waiting while the queue is full; returns once Redis stored it (or a getter of
   * this process took it).
   *
   * @asyncio `asyncio.Queue.put`
   * @throws {TypeError} if the codec cannot encode `item`.
   * @throws {@link QueueShutDown} if the queue is shut down (by any process), before or while
   * this waits.
   * @throws {@link CancelledError} if the waiting task is cancelled: nothing is put if the item
   * was not sent yet; once sent, it stays put.
   * @throws {@link RedisUnavailable} if Redis stopped answering and ioredis gave up.
   * @throws {@link RuntimeError} if the queue was closed.
   * @example
   * yield* queue.put({ url: "https://example.com" });
   */
  put(item: T): Coroutine<void> {
    return putOp(this, item);
  }

  /**
   * Puts `item` without waiting. It is sent to Redis when the loop's current batch ends; until
   * then it lives only in this process (use `put()` to know it is stored).
   *
   * @asyncio `asyncio.Queue.put_nowait`
   * @throws {TypeError} if the codec cannot encode `item`.
   * @throws {@link QueueFull} if `full()`.
   * @throws {@link QueueShutDown} if the queue is shut down.
   * @throws {@link RuntimeError} if the queue was closed.
   * @example
   * queue.putNowait({ url });
   */
  putNowait(item: T): void {
    this._checkOpen("putNowait()");
    if (this._isShutdown) throw new QueueShutDown("putNowait(): the queue is shut down");
    if (this.full()) {
      throw new QueueFull(`putNowait(): the queue is full (maxsize ${this._maxsize})`);
    }
    this._push({ data: this._encode(item, "putNowait(item)"), done: null });
  }

  /**
   * Removes and returns the next item, waiting while the queue is empty in every process.
   *
   * @asyncio `asyncio.Queue.get`
   * @throws {@link QueueShutDown} once the queue is shut down and empty (or shut down with
   * `immediate`).
   * @throws {@link CancelledError} if the waiting task is cancelled; an entry Redis already
   * delivered goes to the next getter or back to the stream, never lost.
   * @throws {TypeError} if the codec cannot decode an entry (the entry is moved to `key:dead`).
   * @throws {@link RedisUnavailable} if Redis stopped answering and ioredis gave up.
   * @throws {@link RuntimeError} if the queue was closed (also while this waits).
   * @example
   * const job = yield* queue.get();
   */
  get(): Coroutine<T> {
    return getOp(this);
  }

  /**
   * Returns an item this process already holds (delivered by Redis, or put here and not sent yet)
   * without waiting; it never asks Redis.
   *
   * @asyncio `asyncio.Queue.get_nowait`
   * @throws {@link QueueEmpty} if this process holds no item.
   * @throws {@link QueueShutDown} if it holds none and the queue is shut down.
   * @throws {TypeError} if the codec cannot decode the entry (moved to `key:dead`).
   * @example
   * while (!queue.empty()) batch.push(queue.getNowait());
   */
  getNowait(): T {
    const got = this._takeLocal();
    if (got === NOTHING) {
      if (this._isShutdown) throw new QueueShutDown("getNowait(): the queue is shut down");
      throw new QueueEmpty("getNowait(): this process holds no item");
    }
    return got as T;
  }

  /**
   * Marks one item as processed: acknowledges its entry (`XACK`, then deletes it), so it is not
   * delivered again. It takes the oldest item that the calling task got and has not marked; if the
   * task has none, the oldest item this queue handed out.
   *
   * @asyncio `asyncio.Queue.task_done`
   * @throws {@link InvalidStateError} if this queue handed out no unmarked item.
   * @example
   * try { yield* handle(job); } finally { queue.taskDone(); }
   */
  taskDone(): void {
    const held = this._held;
    if (held.length === 0) {
      throw new InvalidStateError(
        "taskDone() called too many times: every item this queue handed out is already marked done",
      );
    }
    const task = this._loop.currentTask();
    let i = held.findIndex((h) => h.task === task);
    if (i === -1) i = 0;
    const { id } = held.splice(i, 1)[0]!;
    if (id !== null) this._engine.ack(id);
    else this._localChanged();
  }

  /**
   * Waits until no item is unfinished in any process: nothing left to send here, and the stream
   * empty (every item got and acknowledged everywhere).
   *
   * @asyncio `asyncio.Queue.join`
   * @throws {@link CancelledError} if the waiting task is cancelled.
   * @throws {@link RedisUnavailable} if Redis stopped answering and ioredis gave up.
   * @example
   * for (const job of jobs) yield* queue.put(job);
   * yield* queue.join(); // every process finished them
   */
  join(): Coroutine<void> {
    return joinOp(this);
  }

  /**
   * Shuts the queue down in every process: `put()` throws `QueueShutDown` from now on, `get()` once
   * the queue is empty, and every waiting `get()`/`put()` in every process wakes to see it. With
   * `immediate`, the items no consumer got yet are deleted and `get()` throws at once. Items put
   * here before it are still sent first.
   *
   * @asyncio `asyncio.Queue.shutdown` (Python 3.13)
   * @example
   * queue.shutdown(); // consumers everywhere drain the queue, then stop
   */
  shutdown(immediate = false): void {
    if (this._closed) throw new RuntimeError("shutdown(): the queue is closed");
    this._engine.shutdown(immediate);
    this._shutDownLocally(immediate);
  }

  /**
   * Closes this process's connections. Entries this process holds and has not marked done stay
   * pending in Redis and go to another consumer after `claimIdleMs`; entries delivered but not
   * handed out go back to the stream. Items not sent yet are sent first.
   *
   * @asyncio none (asyncio queues hold no connection)
   * @example
   * try { ... } finally { yield* queue.close(); }
   */
  close(): Coroutine<void> {
    return this._engine.close();
  }

  /**
   * A snapshot: `size` and `unfinishedTasks` add Redis's counts as of the last reply to what this
   * process holds; the waiters are this process's.
   *
   * @asyncio none: corio's primitives all report their waiters this way.
   * @example
   * queue.statistics(); // { size: 3, maxsize: 100, waitingGetters: 0, waitingPutters: 0, ... }
   */
  statistics(): QueueStatistics {
    return {
      size: this.qsize(),
      maxsize: this._maxsize,
      waitingGetters: this._getters.filter((f) => !f.done()).length,
      waitingPutters: this._putters.filter((f) => !f.done()).length,
      unfinishedTasks: Math.max(
        0,
        this._remoteUnfinished -
          this._acking +
          this._outbox.length +
          this._sending +
          this._localHeld(),
      ),
      isShutdown: this._isShutdown,
    };
  }

  /** A short description: `<RedisQueue jobs maxsize=8 consumer=host-1-x>`. */
  toString(): string {
    return `<RedisQueue ${this.key} maxsize=${this._maxsize} consumer=${this.consumer}${this._isShutdown ? " shutdown" : ""}>`;
  }

  // --- internals shared with the operations and the engine -------------------------------------

  /** @internal */
  _encode(item: T, who: string): string {
    try {
      return this._codec.encode(item);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new TypeError(`${who}: the codec cannot encode the item: ${why}`, { cause: e });
    }
  }

  /** @internal Operations after `close()` are mistakes; say so rather than wait forever. */
  _checkOpen(who: string): void {
    if (this._closed) throw new RuntimeError(`${who}: RedisQueue(${this.key}) is closed`);
  }

  /** @internal Puts an encoded item in the outbox and tells a getter or the engine. */
  _push(out: Outgoing): void {
    this._outbox.push(out);
    this._wakeGetter();
    this._engine.flushSoon(); // sends what the woken getters will not take
  }

  /** @internal Wakes a getter for an item this process holds. */
  _wakeGetter(): boolean {
    const woken = wakeNext(this._getters);
    if (woken === null) return false;
    this._reserved.add(woken);
    return true;
  }

  /** @internal Takes an item this process holds, or returns NOTHING. */
  _takeLocal(): T | typeof NOTHING {
    const inbox = this._inbox;
    if (inbox.length !== 0) {
      const [id, data] = inbox.shift()!;
      let item: T;
      try {
        item = this._codec.decode(data);
      } catch (e) {
        this._engine.deadLetter(id, e);
        const why = e instanceof Error ? e.message : String(e);
        throw new TypeError(
          `get(): entry ${id} of ${this.key} cannot be decoded (moved to ${this.key}:dead): ${why}`,
          { cause: e },
        );
      }
      this._held.push({ id, task: this._loop.currentTask() });
      if (this._putters.length !== 0) wakeNext(this._putters);
      return item;
    }
    if (this._outbox.length !== 0) {
      const out = this._outbox.shift()!;
      this._held.push({ id: null, task: this._loop.currentTask() });
      if (out.done !== null && !out.done.done()) out.done.setResult(undefined);
      if (this._putters.length !== 0) wakeNext(this._putters);
      // Decoding what we encoded gives the getter its own copy, as another process would get.
      return this._codec.decode(out.data);
    }
    return NOTHING;
  }

  /** @internal Items handed out that never went through Redis. */
  _localHeld(): number {
    let n = 0;
    for (const h of this._held) if (h.id === null) n++;
    return n;
  }

  /** @internal True while this process has work that join() must wait for. */
  _busyLocally(): boolean {
    return (
      this._outbox.length + this._sending + this._held.length + this._acking + this._inbox.length >
      0
    );
  }

  /** @internal Something local finished: joiners look again. */
  _localChanged(): void {
    if (this._joiners.length !== 0) wakeAll(this._joiners);
  }

  /** @internal The queue is shut down (here, or by another process). */
  _shutDownLocally(immediate: boolean): void {
    this._isShutdown = true;
    if (immediate && !this._immediate) {
      this._immediate = true;
      // Items not sent or not handed out yet are dropped, as asyncio drops the queue's items.
      for (const out of this._outbox.splice(0)) {
        if (out.done !== null && !out.done.done()) out.done.setResult(undefined);
      }
      const ids = this._inbox.splice(0).map(([id]) => id);
      for (const id of ids) this._engine.ack(id);
    }
    wakeAll(this._getters);
    wakeAll(this._putters);
    wakeAll(this._joiners);
    this._engine.unblock();
  }
}

/** @internal Marks "no item" apart from any item value. */
export const NOTHING: unique symbol = Symbol("nothing");
