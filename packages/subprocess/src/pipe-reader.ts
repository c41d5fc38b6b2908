/**
 * StreamReader over a child process's stdout or stderr pipe (its writer twin is pipe-writer.ts).
 *
 * INTEGRATION NOTE: this file and pipe-writer.ts are stand-ins. `@corio/streams` (written in
 * parallel) provides asyncio's StreamReader / StreamWriter over sockets; these classes have the same
 * method names and semantics (asyncio's, camelCased), so when it lands they become adapters:
 * construct the streams package's reader on the child's `Readable` (feeding it with `data`/`end`/
 * `error`, as `_attach` does) and its writer on the `Writable`, and delete the rest. The errors in
 * `errors.ts` carry the same brands as the streams package's, so `instanceof` already agrees.
 *
 * How the reader works: it listens to the pipe's `data` events and keeps the chunks in a list. Past
 * twice its `limit` it pauses the pipe (the child then blocks on a full pipe), and resumes once a
 * read brings the buffer back under `limit`: asyncio's `pause_reading` rule. One coroutine at a
 * time may wait for data; it parks on a loop future and holds `loop.trackExternal`, so a virtual
 * clock does not jump while the child may still write. A cancelled read loses nothing: the bytes
 * stay buffered for the next read.
 */
import type { Readable } from "node:stream";
import * as I from "@corio/interfaces";
import { IncompleteReadError, LimitOverrunError } from "./errors.js";

const { RuntimeError, describeValue: describe } = I;

/**
 * The default `limit` of a reader: 64 KiB, as asyncio's.
 *
 * @asyncio `asyncio.streams._DEFAULT_LIMIT` (64 KiB), the `limit` of a subprocess's pipes
 * @example
 * const big = 4 * DEFAULT_LIMIT;
 * const proc = yield* createSubprocessExec("node", ["-v"], { stdout: PIPE, limit: big });
 */
export const DEFAULT_LIMIT = 64 * 1024;

const EMPTY = Buffer.alloc(0);

/** @internal Bytes or a string (UTF-8) as a Buffer; anything else is a TypeError naming `method`. */
export function toBuffer(method: string, data: unknown): Buffer {
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError(
    `${method}: data must be a Uint8Array (a Buffer) or a string, got ${describe(data)}`,
  );
}

/**
 * Reads bytes from a child's stdout or stderr.
 *
 * @asyncio `asyncio.StreamReader`
 * @example
 * const line = yield* proc.stdout!.readline();
 */
export class StreamReader {
  /** @internal */ private readonly _loop: I.EventLoop;
  /** @internal */ private readonly _limit: number;
  /** @internal */ private readonly _label: string;
  /** @internal */ private _chunks: Buffer[] = [];
  /** @internal */ private _size = 0;
  /** @internal */ private _eof = false;
  /** @internal */ private _exception: unknown = null;
  /** @internal */ private _waiter: I.Future<void> | null = null;
  /** @internal */ private _source: Readable | null = null;
  /** @internal */ private _paused = false;

  /** @internal */
  constructor(loop: I.EventLoop, limit: number, label: string) {
    this._loop = loop;
    this._limit = limit;
    this._label = label;
  }

  /** @internal Feeds this reader from `source` until it ends. */
  _attach(source: Readable): void {
    this._source = source;
    source.on("data", (chunk: Buffer) => this.feedData(chunk));
    source.on("end", () => this.feedEof());
    source.on("error", (error: Error) => this.setException(error));
  }

  /** The error that broke the stream, or `null`. @asyncio `StreamReader.exception` */
  exception(): unknown {
    return this._exception;
  }

  /** @internal Makes every later read throw `error`. */
  setException(error: unknown): void {
    this._exception = error;
    this._wake();
  }

  /** @internal */
  feedData(data: Buffer): void {
    if (data.length === 0) return;
    this._chunks.push(data);
    this._size += data.length;
    this._wake();
    if (this._source !== null && !this._paused && this._size > 2 * this._limit) {
      this._paused = true;
      this._source.pause();
    }
  }

  /** @internal */
  feedEof(): void {
    this._eof = true;
    this._wake();
  }

  /**
   * True once the pipe has ended and every byte was read.
   *
   * @asyncio `StreamReader.at_eof`
   */
  atEof(): boolean {
    return this._eof && this._size === 0;
  }

  /**
   * Reads up to `n` bytes, waiting until at least one byte or the end arrives; with `n` negative
   * (the default) reads everything up to the end. Returns an empty buffer at the end.
   *
   * @asyncio `StreamReader.read`
   * @throws {TypeError} if `n` is not an integer.
   * @throws {@link CancelledError} if the task is cancelled while waiting; nothing is lost.
   * @throws the pipe's error, if it broke.
   * @example
   * const all = yield* proc.stdout!.read(); // up to EOF
   */
  *read(n = -1): I.Coroutine<Buffer> {
    checkInt("read(n)", n);
    if (this._exception !== null) throw this._exception;
    if (n === 0) return EMPTY;
    if (n < 0) {
      const blocks: Buffer[] = [];
      for (;;) {
        if (this._exception !== null) throw this._exception;
        if (this._size > 0) blocks.push(this._take(this._size));
        if (this._eof) break;
        yield* this._waitForData("read");
      }
      return blocks.length === 1 ? blocks[0]! : Buffer.concat(blocks);
    }
    if (this._size === 0 && !this._eof) yield* this._waitForData("read");
    if (this._exception !== null && this._size === 0) throw this._exception;
    return this._take(Math.min(n, this._size));
  }

  /**
   * Reads one line, up to and including `"\n"`. At the end returns what is left (maybe without a
   * newline), then an empty buffer.
   *
   * @asyncio `StreamReader.readline`
   * @throws {RangeError} if no newline comes within `limit` bytes (the buffered bytes up to the
   * next newline, or all of them, are dropped, as asyncio does).
   * @throws {@link CancelledError} if the task is cancelled while waiting; nothing is lost.
   */
  *readline(): I.Coroutine<Buffer> {
    try {
      return yield* this.readuntil("\n");
    } catch (error) {
      if (error instanceof IncompleteReadError) return error.partial as Buffer;
      if (error instanceof LimitOverrunError) {
        const buf = this._coalesce();
        if (buf.length > error.consumed && buf[error.consumed] === 0x0a) {
          this._take(error.consumed + 1);
        } else {
          this._take(this._size);
        }
        this._maybeResume();
        throw new RangeError(`readline(): ${error.message}`, { cause: error });
      }
      throw error;
    }
  }

  /**
   * Reads up to and including `separator`.
   *
   * @asyncio `StreamReader.readuntil`
   * @throws {RangeError} if `separator` is empty; {@link TypeError} if it is not bytes or a string.
   * @throws {@link IncompleteReadError} if the pipe ends first (`partial` holds the bytes read).
   * @throws {@link LimitOverrunError} if more than `limit` bytes come without it (they stay buffered).
   * @throws {@link CancelledError} if the task is cancelled while waiting; nothing is lost.
   * @example
   * const header = yield* proc.stdout!.readuntil("\n\n");
   */
  *readuntil(separator: Uint8Array | string = "\n"): I.Coroutine<Buffer> {
    const sep = toBuffer("readuntil(separator)", separator);
    if (sep.length === 0) {
      throw new RangeError("readuntil(separator): separator must not be empty");
    }
    if (this._exception !== null) throw this._exception;
    let offset = 0;
    let found: number;
    for (;;) {
      if (this._size - offset >= sep.length) {
        found = this._coalesce().indexOf(sep, offset);
        if (found !== -1) break;
        offset = this._size + 1 - sep.length;
        if (offset > this._limit) {
          throw new LimitOverrunError("Separator is not found, and chunk exceed the limit", offset);
        }
      }
      if (this._eof) {
        const partial = this._take(this._size);
        throw new IncompleteReadError(partial, null);
      }
      yield* this._waitForData("readuntil");
    }
    if (found > this._limit) {
      throw new LimitOverrunError("Separator is found, but chunk is longer than limit", found);
    }
    return this._take(found + sep.length);
  }

  /**
   * Reads exactly `n` bytes.
   *
   * @asyncio `StreamReader.readexactly`
   * @throws {RangeError} if `n` is negative; {@link TypeError} if it is not an integer.
   * @throws {@link IncompleteReadError} if the pipe ends first (`partial` holds the bytes read).
   * @throws {@link CancelledError} if the task is cancelled while waiting; nothing is lost.
   */
  *readexactly(n: number): I.Coroutine<Buffer> {
    checkInt("readexactly(n)", n);
    if (n < 0) throw new RangeError(`readexactly(n): n must not be negative, got ${n}`);
    if (this._exception !== null) throw this._exception;
    if (n === 0) return EMPTY;
    while (this._size < n) {
      if (this._eof) throw new IncompleteReadError(this._take(this._size), n);
      yield* this._waitForData("readexactly");
    }
    return this._take(n);
  }

  /** What is buffered and who waits, for tests and tools. */
  statistics(): { buffered: number; eof: boolean; paused: boolean; waiting: number } {
    return {
      buffered: this._size,
      eof: this._eof,
      paused: this._paused,
      waiting: this._waiter === null ? 0 : 1,
    };
  }

  /** @internal */ private *_waitForData(method: string): I.Coroutine<void> {
    if (this._waiter !== null) {
      throw new RuntimeError(
        `${method}() called while another coroutine is already waiting for incoming data`,
      );
    }
    if (this._eof) throw new RuntimeError(`${method}() called after the end of the stream`);
    this._maybeResume(true);
    const fut = this._loop.createFuture<void>(`${this._label}.${method}()`);
    this._waiter = fut;
    const release = this._loop.trackExternal(`${this._label}: waiting for data`);
    try {
      yield* fut;
    } finally {
      release();
      this._waiter = null;
    }
  }

  /** @internal */ private _wake(): void {
    const waiter = this._waiter;
    if (waiter !== null && !waiter.done() && !this._loop.isClosed()) waiter.setResult(undefined);
  }

  /** @internal */ private _maybeResume(force = false): void {
    if (this._paused && (force || this._size <= this._limit)) {
      this._paused = false;
      this._source?.resume();
    }
  }

  /** @internal Joins the buffered chunks into one (searching needs one buffer). */
  private _coalesce(): Buffer {
    if (this._chunks.length > 1) this._chunks = [Buffer.concat(this._chunks, this._size)];
    return this._chunks[0] ?? EMPTY;
  }

  /** @internal Removes and returns the first `n` buffered bytes. */
  private _take(n: number): Buffer {
    if (n === 0) return EMPTY;
    let out: Buffer;
    const first = this._chunks[0]!;
    if (first.length === n) {
      out = first;
      this._chunks.shift();
    } else if (first.length > n) {
      out = first.subarray(0, n);
      this._chunks[0] = first.subarray(n);
    } else {
      const buf = this._coalesce();
      out = buf.subarray(0, n);
      if (buf.length === n) this._chunks = [];
      else this._chunks[0] = buf.subarray(n);
    }
    this._size -= n;
    this._maybeResume();
    return out;
  }
}

function checkInt(method: string, n: unknown): void {
  if (typeof n !== "number" || !Number.isInteger(n)) {
    throw new TypeError(`${method}: n must be an integer, got ${describe(n)}`);
  }
}
