/**
 * The waiting operations of `RedisQueue`: `get()`, `put()` and `join()`, as generator coroutines.
 * They wait on futures of the loop; the engine (engine.ts) does the Redis side and wakes them.
 */
import { type Coroutine, type Future, QueueShutDown } from "@corio/interfaces";
import { NOTHING, type Outgoing, type RedisQueue } from "./redis-queue.js";
import { removeFrom, wakeNext } from "./waiters.js";

/** @internal `queue.get()` */
export function* getOp<T>(q: RedisQueue<T>): Coroutine<T> {
  q._checkOpen("get()");
  for (;;) {
    const got = q._takeLocal();
    if (got !== NOTHING) return got as T;
    if (q._immediate || (q._isShutdown && q._engine.drained)) {
      throw new QueueShutDown("get(): the queue is shut down and empty");
    }
    const fut = q._loop.createFuture<void>(`RedisQueue(${q.key}).get()`);
    q._getters.push(fut);
    q._engine.wantItems();
    try {
      yield* fut;
    } catch (e) {
      leaveGetter(q, fut);
      throw e;
    }
    q._reserved.delete(fut);
  }
}

/** A getter stops waiting; if it was woken for an item it will not take, the item moves on. */
function leaveGetter<T>(q: RedisQueue<T>, fut: Future<void>): void {
  removeFrom(q._getters, fut);
  if (q._reserved.delete(fut)) {
    if (q._inbox.length + q._outbox.length > q._reserved.size && !q._wakeGetter()) {
      q._engine.flushSoon(); // nobody here wants it: send it, or hand the entry back
    }
  }
  if (q._getters.length === 0) q._engine.unblock();
}

/** @internal `queue.put(item)` */
export function* putOp<T>(q: RedisQueue<T>, item: T): Coroutine<void> {
  q._checkOpen("put()");
  const data = q._encode(item, "put(item)");
  for (;;) {
    if (q._isShutdown) throw new QueueShutDown("put(): the queue is shut down");
    if (!q.full()) {
      const done = q._loop.createFuture<void>(`RedisQueue(${q.key}).put(): storing`);
      const out: Outgoing = { data, done };
      q._push(out);
      try {
        yield* done;
        return;
      } catch (e) {
        // Cancelled before it was sent: nothing is put. Once sent, the item stays put.
        const i = q._outbox.indexOf(out);
        if (i !== -1) {
          q._outbox.splice(i, 1);
          q._localChanged();
        }
        throw e;
      }
    }
    const fut = q._loop.createFuture<void>(`RedisQueue(${q.key}).put(): waiting for space`);
    q._putters.push(fut);
    q._engine.wantSpace();
    try {
      yield* fut;
    } catch (e) {
      removeFrom(q._putters, fut);
      if (fut.done() && !fut.cancelled() && !q.full()) wakeNext(q._putters);
      throw e;
    }
  }
}

/** @internal `queue.join()` */
export function* joinOp<T>(q: RedisQueue<T>): Coroutine<void> {
  q._checkOpen("join()");
  for (;;) {
    let release: (() => void) | null = null;
    if (!q._busyLocally()) {
      const epoch = q._engine.emptyEpoch;
      const unfinished = yield* q._engine.unfinished();
      if (unfinished === 0 && !q._busyLocally()) return;
      if (epoch !== q._engine.emptyEpoch) continue;
      // Other processes hold the rest: their acknowledgements come through Redis, and the
      // `empty` event (or, should it be missed, the maintenance timer) wakes this joiner.
      release = q._loop.trackExternal(`RedisQueue(${q.key}).join(): other processes finishing`);
    }
    const fut = q._loop.createFuture<void>(`RedisQueue(${q.key}).join()`);
    q._joiners.push(fut);
    try {
      yield* fut;
    } finally {
      release?.();
      removeFrom(q._joiners, fut);
    }
  }
}
