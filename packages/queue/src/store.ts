/**
 * How a queue keeps its items, and the argument checks the queue classes share. `Queue` keeps
 * them in a ring buffer, `LifoQueue` in a stack, `PriorityQueue` in a binary heap.
 */
import { describeValue } from "@corio/interfaces";
import { Deque } from "./deque.js";

/** @internal The interface of an item store. */
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
export class FifoStore<T> extends Deque<T> implements ItemStore<T> {
  declare take: () => T;
}
// `take` is `shift` itself rather than a method calling it: one call less per get().
FifoStore.prototype.take = Deque.prototype.shift;

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
