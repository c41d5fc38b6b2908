import { Queue } from "./queue.js";
import type { ItemStore } from "./store.js";

/** @internal The LIFO store: a plain array used as a stack. */
class StackStore<T> implements ItemStore<T> {
  /** @internal */ private _items: T[] = [];
  get size(): number {
    return this._items.length;
  }
  push(item: T): void {
    this._items.push(item);
  }
  take(): T {
    return this._items.pop() as T;
  }
  clear(): void {
    this._items.length = 0;
  }
  toArray(): T[] {
    return this._items.slice();
  }
}

/**
 * A queue that hands out the most recently added item first (last in, first out). Everything
 * else (bound, waiting, `taskDone`/`join`, `shutdown`) works as in {@link Queue}.
 *
 * @asyncio `asyncio.LifoQueue`
 * @throws {TypeError} if `maxsize` is not a number.
 * @throws {RangeError} if `maxsize` is not an integer.
 * @example
 * const stack = new LifoQueue<number>();
 * stack.putNowait(1);
 * stack.putNowait(2);
 * stack.getNowait(); // 2
 */
export class LifoQueue<T> extends Queue<T> {
  constructor(maxsize = 0) {
    super(maxsize);
    this._store = new StackStore<T>();
  }
}
