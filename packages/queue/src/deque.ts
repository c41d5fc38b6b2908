/**
 * A double-ended queue on a ring buffer: O(1) `push`, `shift` and `pop`, no shifting of the
 * elements, no allocation once it has grown to its working size.
 *
 * How it works: the elements live in `_buf`, whose length is a power of two, from `_head` on,
 * wrapping around at the end (`index & _mask`). When it is full it doubles and the elements are
 * copied out in order, so `_head` starts at 0 again. Freed slots are reset to `undefined` so the
 * buffer holds no stale reference, and a large buffer that has emptied down to an eighth halves,
 * so a burst does not pin its memory forever.
 *
 * @internal
 */
/** Only buffers of at least 8192 slots shrink, so none shrinks below 4096. */
const SHRINK_FROM = 8192 - 1;

export class Deque<T> {
  /** @internal */ _buf: (T | undefined)[];
  /** @internal */ _head = 0;
  /** @internal */ _mask: number;
  /** Number of elements. */
  size = 0;

  constructor(capacity = 8) {
    let cap = 4;
    while (cap < capacity) cap *= 2;
    this._buf = new Array<T | undefined>(cap).fill(undefined);
    this._mask = cap - 1;
  }

  /** Appends at the back. */
  push(value: T): void {
    if (this.size > this._mask) this._grow();
    this._buf[(this._head + this.size) & this._mask] = value;
    this.size++;
  }

  /** Removes and returns the front element; the deque must not be empty. */
  shift(): T {
    const buf = this._buf;
    const head = this._head;
    const value = buf[head] as T;
    buf[head] = undefined;
    this._head = (head + 1) & this._mask;
    if (--this.size <= this._mask >> 3 && this._mask >= SHRINK_FROM) this._resize(buf.length >> 1);
    return value;
  }

  /** Removes and returns the back element; the deque must not be empty. */
  pop(): T {
    const index = (this._head + this.size - 1) & this._mask;
    const value = this._buf[index] as T;
    this._buf[index] = undefined;
    this.size--;
    return value;
  }

  /** The front element, or `undefined`. */
  peek(): T | undefined {
    return this.size === 0 ? undefined : this._buf[this._head];
  }

  /**
   * Removes the first occurrence of `value`; returns false if it is absent. O(1) at either end,
   * O(n) in the middle (the shorter side moves).
   */
  remove(value: T): boolean {
    const { _buf: buf, _mask: mask, _head: head, size } = this;
    let i = 0;
    while (i < size && buf[(head + i) & mask] !== value) i++;
    if (i === size) return false;
    if (i < size - 1 - i) {
      for (let j = i; j > 0; j--) buf[(head + j) & mask] = buf[(head + j - 1) & mask];
      buf[head] = undefined;
      this._head = (head + 1) & mask;
    } else {
      for (let j = i; j < size - 1; j++) buf[(head + j) & mask] = buf[(head + j + 1) & mask];
      buf[(head + size - 1) & mask] = undefined;
    }
    this.size--;
    return true;
  }

  /** Drops every element. */
  clear(): void {
    if (this._mask >= SHRINK_FROM) {
      this._buf = new Array<T | undefined>(8).fill(undefined);
      this._mask = 7;
    } else this._buf.fill(undefined);
    this._head = 0;
    this.size = 0;
  }

  /** The elements, front first. */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.size; i++) out.push(this._buf[(this._head + i) & this._mask] as T);
    return out;
  }

  /** @internal */ private _grow(): void {
    this._resize(this._buf.length * 2);
  }

  /** @internal */ private _resize(cap: number): void {
    // Copied by index into a buffer made at its final size: building it with push() reallocated
    // it as it grew, which made putting a million items into an unbounded queue three times slower.
    const { _buf: buf, _head: head, _mask: mask, size } = this;
    const next = new Array<T | undefined>(cap).fill(undefined);
    for (let i = 0; i < size; i++) next[i] = buf[(head + i) & mask];
    this._buf = next;
    this._head = 0;
    this._mask = cap - 1;
  }
}
