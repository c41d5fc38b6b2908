/**
 * PriorityQueue: a binary min-heap with an insertion counter, so equal priorities come out in the
 * order they went in.
 *
 * How it works: three parallel arrays hold each entry's item, its key (the item itself, or what
 * `key(item)` returned) and its sequence number. Entry a comes before entry b if `compare(a, b)`
 * is negative, or if it is zero (or NaN) and a went in first. Both `push` and `take` first find
 * where the moving entry lands, using only comparisons, and only then move anything: a comparator
 * that throws leaves the heap exactly as it was.
 */
import { Queue } from "./queue.js";
import { describe, type ItemStore } from "./store.js";

/**
 * What the default ordering accepts: numbers, bigints, booleans, strings, or arrays of them.
 *
 * @asyncio the comparable first item of a tuple put in `asyncio.PriorityQueue`
 * @example
 * const jobs = new PriorityQueue<Job>({ key: (job) => [job.priority, job.created] });
 */
export type PriorityKey = number | bigint | boolean | string | readonly unknown[];

/**
 * Options of {@link PriorityQueue}: give `compare` or `key`, not both.
 *
 * @asyncio none: asyncio orders items themselves (`heapq`); corio takes a key or a comparator
 * @example
 * const jobs = new PriorityQueue<Job>({ key: (job) => job.priority });
 */
export interface PriorityQueueOptions<T> {
  /**
   * Orders two items: negative if `a` comes out first, positive if `b` does, 0 if they tie
   * (ties come out in insertion order).
   */
  compare?: ((a: T, b: T) => number) | undefined;
  /** The priority of an item, lowest first; computed once, when the item is put. */
  key?: ((item: T) => PriorityKey) | undefined;
}

function isOrderable(value: unknown): boolean {
  const t = typeof value;
  return (
    t === "number" || t === "bigint" || t === "boolean" || t === "string" || Array.isArray(value)
  );
}

function isNumeric(value: unknown): boolean {
  const t = typeof value;
  return t === "number" || t === "bigint" || t === "boolean";
}

/**
 * Python's ordering of priorities: numbers (and bigints, booleans) by value with NaN last,
 * strings by code unit, arrays element by element like tuples. Values of kinds that cannot be
 * ordered against each other tie.
 *
 * @internal
 */
export function comparePriorities(a: unknown, b: unknown): number {
  if (isNumeric(a) && isNumeric(b)) {
    if ((a as number) < (b as number)) return -1;
    if ((a as number) > (b as number)) return 1;
    const aNaN = Number.isNaN(a);
    const bNaN = Number.isNaN(b);
    return aNaN === bNaN ? 0 : aNaN ? 1 : -1;
  }
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const c = comparePriorities(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  return 0;
}

/** @internal The heap store. */
class HeapStore<T> implements ItemStore<T> {
  /** @internal */ private _items: T[] = [];
  /** @internal */ private _keys: unknown[] = [];
  /** @internal */ private _seqs: number[] = [];
  /** @internal */ private _path: number[] = [];
  /** @internal */ private _seq = 0;

  constructor(
    private readonly _compare: ((a: unknown, b: unknown) => number) | null,
    private readonly _key: ((item: T) => unknown) | null,
  ) {}

  get size(): number {
    return this._items.length;
  }

  /** @internal True if entry (ka, sa) comes out before entry (kb, sb). */
  private _less(ka: unknown, sa: number, kb: unknown, sb: number): boolean {
    const c = this._compare === null ? comparePriorities(ka, kb) : this._compare(ka, kb);
    return c < 0 || (!(c > 0) && sa < sb);
  }

  push(item: T): void {
    const key = this._key === null ? item : this._key(item);
    if (this._compare === null && !isOrderable(key)) {
      throw new TypeError(
        `PriorityQueue: cannot order ${describe(key)}${this._key === null ? "" : " (returned by key)"}: priorities must be numbers, bigints, booleans, strings or arrays of them; pass { compare } or { key } to order other items`,
      );
    }
    const items = this._items;
    const keys = this._keys;
    const seqs = this._seqs;
    const seq = this._seq++;
    const n = items.length;
    let pos = n;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      if (!this._less(key, seq, keys[parent], seqs[parent]!)) break;
      pos = parent;
    }
    items.push(item);
    keys.push(key);
    seqs.push(seq);
    let hole = n;
    while (hole > pos) {
      const parent = (hole - 1) >> 1;
      items[hole] = items[parent]!;
      keys[hole] = keys[parent];
      seqs[hole] = seqs[parent]!;
      hole = parent;
    }
    items[pos] = item;
    keys[pos] = key;
    seqs[pos] = seq;
  }

  take(): T {
    const items = this._items;
    const keys = this._keys;
    const seqs = this._seqs;
    const top = items[0] as T;
    const last = items.length - 1;
    const lastKey = keys[last];
    const lastSeq = seqs[last]!;
    const path = this._path;
    let depth = 0;
    let pos = 0;
    for (;;) {
      let child = 2 * pos + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last && this._less(keys[right], seqs[right]!, keys[child], seqs[child]!)) {
        child = right;
      }
      if (!this._less(keys[child], seqs[child]!, lastKey, lastSeq)) break;
      path[depth++] = child;
      pos = child;
    }
    const lastItem = items.pop() as T;
    keys.pop();
    seqs.pop();
    if (last === 0) return top;
    let hole = 0;
    for (let i = 0; i < depth; i++) {
      const child = path[i]!;
      items[hole] = items[child]!;
      keys[hole] = keys[child];
      seqs[hole] = seqs[child]!;
      hole = child;
    }
    items[hole] = lastItem;
    keys[hole] = lastKey;
    seqs[hole] = lastSeq;
    return top;
  }

  clear(): void {
    this._items.length = 0;
    this._keys.length = 0;
    this._seqs.length = 0;
  }

  toArray(): T[] {
    return this._items.slice();
  }
}

/**
 * A queue that hands out the item of lowest priority first; items of equal priority come out in
 * the order they were put (the ordering is stable).
 *
 * Without options, items are their own priorities and are ordered as Python orders them: numbers
 * (bigints, booleans) by value, strings by code unit, arrays element by element like tuples, so
 * `[priority, payload]` entries work as in asyncio. Pass `key` to give each item a priority
 * computed once when it is put (ordered the same way), or `compare` for a comparator
 * `(a, b) => number` as `Array.prototype.sort` takes. Everything else (bound, waiting,
 * `taskDone`/`join`, `shutdown`) works as in {@link Queue}.
 *
 * @asyncio `asyncio.PriorityQueue`
 * @throws {TypeError} if `maxsize` is not a number, if `compare` or `key` is not a function, or
 * if both are given.
 * @throws {RangeError} if `maxsize` is not an integer.
 * @example
 * const jobs = new PriorityQueue<Job>(0, { key: (job) => job.deadline });
 * jobs.putNowait({ name: "later", deadline: 20 });
 * jobs.putNowait({ name: "sooner", deadline: 10 });
 * (yield* jobs.get()).name; // "sooner"
 *
 * const tuples = new PriorityQueue<[number, string]>();
 * tuples.putNowait([2, "b"]);
 * tuples.putNowait([1, "a"]);
 * tuples.getNowait(); // [1, "a"]
 */
export class PriorityQueue<T> extends Queue<T> {
  constructor(maxsize = 0, options: PriorityQueueOptions<T> = {}) {
    super(maxsize);
    if (options === null || typeof options !== "object") {
      throw new TypeError(
        `PriorityQueue(maxsize, options): options must be an object, got ${describe(options)}`,
      );
    }
    const { compare, key } = options;
    if (compare !== undefined && typeof compare !== "function") {
      throw new TypeError(
        `PriorityQueue(maxsize, options): options.compare must be a function (a, b) => number, got ${describe(compare)}`,
      );
    }
    if (key !== undefined && typeof key !== "function") {
      throw new TypeError(
        `PriorityQueue(maxsize, options): options.key must be a function (item) => priority, got ${describe(key)}`,
      );
    }
    if (compare !== undefined && key !== undefined) {
      throw new TypeError(
        "PriorityQueue(maxsize, options): give options.compare or options.key, not both",
      );
    }
    this._store = new HeapStore<T>(
      (compare as ((a: unknown, b: unknown) => number) | undefined) ?? null,
      key ?? null,
    );
  }
}
