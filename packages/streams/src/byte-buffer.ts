/**
 * The reader's byte buffer: one growable Buffer with a read offset, so consuming from the front is
 * O(1) and appending is amortized O(1) (asyncio's `bytearray` with `del buf[:n]`).
 *
 * How it works: bytes live in `_data[_start.._end]`. Consuming moves `_start`; appending copies to
 * `_end`, first sliding the live bytes to the front when that frees enough room, else growing the
 * storage to twice what is needed. A chunk that arrives into an empty buffer is kept as it is
 * ("adopted", no copy) and reads hand out views of it; our own storage is reused, so what leaves
 * it is a copy.
 */
const EMPTY = Buffer.allocUnsafe(0);

export class ByteBuffer {
  /** @internal */ private _data: Buffer = EMPTY;
  /** @internal */ private _start = 0;
  /** @internal */ private _end = 0;
  /**
   * True while `_data` is a chunk pushed into an empty buffer and kept as it is (no copy): the
   * buffer never writes into it, so what `take` returns can be a view of it.
   * @internal
   */
  private _adopted = false;

  /** How many bytes are buffered. */
  get length(): number {
    return this._end - this._start;
  }

  /**
   * Appends `chunk`. The buffer takes ownership: the caller must not change it afterwards (Node
   * hands every socket read a fresh Buffer, so the common case, a chunk arriving into an empty
   * buffer, costs no copy).
   */
  push(chunk: Buffer): void {
    if (this._start === this._end) {
      this._data = chunk;
      this._start = 0;
      this._end = chunk.length;
      this._adopted = true;
    } else this._append(chunk);
  }

  /**
   * Appends a copy of the first `n` bytes of `source`, which the caller goes on using (a socket's
   * shared read buffer). Into an empty buffer the copy is kept as `push` keeps a chunk; otherwise
   * the bytes are copied once, straight into our storage.
   */
  pushCopy(source: Uint8Array, n: number): void {
    const bytes = n === source.length ? source : source.subarray(0, n);
    if (this._start === this._end) {
      const copy = Buffer.allocUnsafe(n);
      copy.set(bytes);
      this.push(copy);
    } else this._append(bytes);
  }

  /** @internal Copies `bytes` after the buffered ones, making room first if needed. */
  private _append(bytes: Uint8Array): void {
    const n = bytes.length;
    if (this._adopted || this._end + n > this._data.length) this._makeRoom(n);
    this._data.set(bytes, this._end);
    this._end += n;
  }

  /** @internal */ private _makeRoom(n: number): void {
    const live = this._end - this._start;
    if (!this._adopted && live + n <= this._data.length && this._start >= this._data.length >>> 1) {
      this._data.copy(this._data, 0, this._start, this._end);
    } else {
      const bigger = Buffer.allocUnsafe(Math.max(64, 2 * (live + n)));
      this._data.copy(bigger, 0, this._start, this._end);
      this._data = bigger;
      this._adopted = false;
    }
    this._start = 0;
    this._end = live;
  }

  /** Removes and returns the first `n` bytes, or all of them if fewer are buffered. */
  take(n: number): Buffer {
    const count = Math.min(n, this._end - this._start);
    if (this._adopted) {
      // Nobody writes into an adopted chunk: hand it out whole, or a view of it.
      if (count === this._data.length) {
        const whole = this._data;
        this._clearStorage();
        return whole;
      }
      const view = this._data.subarray(this._start, this._start + count);
      this._start += count;
      if (this._start === this._end) this._clearStorage();
      return view;
    }
    const out = Buffer.allocUnsafe(count);
    this._data.copy(out, 0, this._start, this._start + count);
    this._start += count;
    if (this._start === this._end) this._start = this._end = 0;
    return out;
  }

  /** @internal */ private _clearStorage(): void {
    this._data = EMPTY;
    this._start = this._end = 0;
    this._adopted = false;
  }

  /** Drops the first `n` bytes (all of them if fewer are buffered). */
  skip(n: number): void {
    this._start = Math.min(this._end, this._start + n);
    if (this._start === this._end) this._clearStorage();
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
    this._clearStorage();
  }
}
