/**
 * The reader's byte buffer: one growable Buffer with a read offset, so consuming from the front is
 * O(1) and appending is amortized O(1) (asyncio's `bytearray` with `del buf[:n]`).
 *
 * How it works: bytes live in `_data[_start.._end]`. Consuming moves `_start`; appending copies to
 * `_end`, first sliding the live bytes to the front when that frees enough room, else growing the
 * storage to twice what is needed. What leaves the buffer is always a copy, because the storage is
 * reused.
 */
export class ByteBuffer {
  private _data: Buffer = Buffer.allocUnsafe(0);
  private _start = 0;
  private _end = 0;

  /** How many bytes are buffered. */
  get length(): number {
    return this._end - this._start;
  }

  /** Appends a copy of `chunk`. */
  push(chunk: Uint8Array): void {
    const n = chunk.length;
    if (this._end + n > this._data.length) this._makeRoom(n);
    this._data.set(chunk, this._end);
    this._end += n;
  }

  private _makeRoom(n: number): void {
    const live = this._end - this._start;
    if (live + n <= this._data.length && this._start >= this._data.length >>> 1) {
      this._data.copy(this._data, 0, this._start, this._end);
    } else {
      const bigger = Buffer.allocUnsafe(Math.max(64, 2 * (live + n)));
      this._data.copy(bigger, 0, this._start, this._end);
      this._data = bigger;
    }
    this._start = 0;
    this._end = live;
  }

  /** Removes and returns (a copy of) the first `n` bytes, or all of them if fewer are buffered. */
  take(n: number): Buffer {
    const count = Math.min(n, this._end - this._start);
    const out = Buffer.allocUnsafe(count);
    this._data.copy(out, 0, this._start, this._start + count);
    this._start += count;
    if (this._start === this._end) this._start = this._end = 0;
    return out;
  }

  /** Drops the first `n` bytes (all of them if fewer are buffered). */
  skip(n: number): void {
    this._start = Math.min(this._end, this._start + n);
    if (this._start === this._end) this._start = this._end = 0;
  }

  /** Index (from the front of the buffered bytes) of `needle` at or after `from`, or -1. */
  indexOf(needle: Uint8Array, from: number): number {
    if (this._end - this._start - from < needle.length) return -1;
    const i = this._data.subarray(this._start, this._end).indexOf(needle, from);
    return i;
  }

  /** True if the buffered bytes at `offset` start with `prefix`. */
  startsWith(prefix: Uint8Array, offset: number): boolean {
    if (this._end - this._start - offset < prefix.length) return false;
    const at = this._start + offset;
    return this._data.compare(prefix, 0, prefix.length, at, at + prefix.length) === 0;
  }

  /** Empties the buffer. */
  clear(): void {
    this._start = this._end = 0;
  }
}
