// The queue contract: what `@corio/queue` implements and the testkit's queue suite checks.
import type { Operation } from "./protocol.js";

/**
 * What `statistics()` reports about a queue: enough to see who is parked without private fields.
 *
 * @asyncio `qsize()`, `maxsize` and `full()`, plus what asyncio keeps private (its waiter lists)
 * @example
 * queue.statistics(); // { size: 2, maxsize: 8, waitingGetters: 0, waitingPutters: 1, ... }
 */
export interface QueueStatistics {
  /** Items in the queue. */
  size: number;
  /** The bound (0 or less: unbounded). */
  maxsize: number;
  /** Coroutines waiting in `get()`. */
  waitingGetters: number;
  /** Coroutines waiting in `put()`. */
  waitingPutters: number;
  /** Items put and not yet marked with `taskDone()`. */
  unfinishedTasks: number;
  /** True once `shutdown()` was called. */
  isShutdown: boolean;
}

/**
 * The contract of an asyncio-style queue: FIFO (or another order) with optional bound,
 * `taskDone`/`join` accounting and 3.13's `shutdown`. `@corio/queue` implements it; the testkit's
 * queue suite checks any implementation against it.
 *
 * @asyncio `asyncio.Queue`
 *
 * @example
 * function* drain(queue: QueueLike<string>) {
 *   while (!queue.empty()) console.log(queue.getNowait());
 * }
 */
export interface QueueLike<T> {
  /** The bound given at construction; 0 or less means unbounded. */
  readonly maxsize: number;
  /** Puts `item`, waiting while the queue is full. */
  put(item: T): Operation<void>;
  /** Removes and returns the next item, waiting while the queue is empty. */
  get(): Operation<T>;
  /** Puts `item` without waiting; throws `QueueFull` if full. */
  putNowait(item: T): void;
  /** Removes and returns the next item without waiting; throws `QueueEmpty` if empty. */
  getNowait(): T;
  qsize(): number;
  empty(): boolean;
  full(): boolean;
  /** Marks one item got earlier as processed. */
  taskDone(): void;
  /** Waits until every item put has been marked with `taskDone()`. */
  join(): Operation<void>;
  /** Shuts the queue down (3.13 semantics); `immediate` also drops the items left. */
  shutdown(immediate?: boolean): void;
  statistics(): QueueStatistics;
}
