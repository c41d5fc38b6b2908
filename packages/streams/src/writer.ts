/**
 * StreamWriter: writing to a Node Writable (a socket, a child's stdin) with asyncio's methods, and
 * `drain()` as real backpressure.
 *
 * How it works: `write` hands bytes to the Node stream at once (as asyncio's transport does).
 * `drain()` returns without waiting while the stream's buffer is under its high-water mark, and
 * otherwise waits on a future resolved by the stream's `'drain'` event, so the wake-up enters the
 * loop's ready queue; a cancelled drain just stops waiting. `'close'` marks the connection lost:
 * waiting drains end, later ones throw, `waitClosed()` returns (or throws the error that closed it).
 */

import type { Writable } from "node:stream";
import {
  type Coroutine,
  describeValue,
  type EventLoop,
  type Future,
  getRunningLoop,
  RuntimeError,
  YIELD_NOW,
  type Yielded,
} from "@corio/interfaces";
import { connectionLost } from "./errors.js";
import type { StreamReader } from "./reader.js";

/**
 * Options for {@link StreamWriter} (see `writerFromStream`).
 *
 * @asyncio the arguments of `asyncio.StreamWriter`
 * @example
 * const writer = new StreamWriter(socket, { reader });
 */
export interface StreamWriterOptions {
  /** The reader of the same connection: `drain()` throws its error first, as in asyncio. */
  reader?: StreamReader | null;
  /** The loop to wake; default: the running loop. */
  loop?: EventLoop;
  /** Whether `writeEof()` is possible (false for TLS, as in asyncio). Default true. */
  canWriteEof?: boolean;
  /** Answers `getExtraInfo(name)`; `undefined` means "not known". */
  extraInfo?: (name: string) => unknown;
}

/**
 * Writes bytes to a stream, with `drain()` for flow control.
 *
 * @asyncio `asyncio.StreamWriter`
 * @example
 * writer.write("hello\n");
 * yield* writer.drain();
 * writer.close();
 * yield* writer.waitClosed();
 */
export class StreamWriter {
  /** @internal */ private readonly _stream: Writable;
  /** @internal */ private readonly _loop: EventLoop;
  /** @internal */ private readonly _reader: StreamReader | null;
  /** @internal */ private readonly _canWriteEof: boolean;
  /** @internal */ private readonly _extraInfo: ((name: string) => unknown) | undefined;
  /** @internal */ private readonly _drainWaiters = new Set<Future<void>>();
  /** @internal */ private _closeWaiters: Future<void>[] = [];
  /** @internal */ private _closing = false;
  /** @internal */ private _eofWritten = false;
  /** @internal */ private _lost = false;
  /** @internal */ private _error: unknown = null;

  /**
   * Wraps a Node Writable; prefer `writerFromStream`, which also makes the loop's closing destroy
   * the stream.
   *
   * @throws {TypeError} if `stream` is not a Node Writable.
   * @example
   * const writer = new StreamWriter(child.stdin);
   */
  constructor(stream: Writable, options: StreamWriterOptions = {}) {
    if (
      typeof stream !== "object" ||
      stream === null ||
      typeof (stream as Writable).write !== "function" ||
      typeof (stream as Writable).on !== "function"
    ) {
      throw new TypeError(
        `StreamWriter(stream): stream must be a Node Writable, got ${describeValue(stream)}`,
      );
    }
    this._stream = stream;
    this._loop = options.loop ?? getRunningLoop();
    this._reader = options.reader ?? null;
    this._canWriteEof = options.canWriteEof ?? true;
    this._extraInfo = options.extraInfo;
    stream.on("drain", () => this._resolveDrains(null));
    stream.on("error", (error: unknown) => {
      if (this._error === null) this._error = error;
    });
    if (stream.destroyed && stream.closed) this._onClose();
    else stream.on("close", () => this._onClose());
  }

  /** The Node stream underneath (a `net.Socket`, `tls.TLSSocket`, or the Writable given). */
  get transport(): Writable {
    return this._stream;
  }

  /** @internal */ private _onClose(): void {
    this._lost = true;
    this._resolveDrains(this._error);
    const waiters = this._closeWaiters;
    this._closeWaiters = [];
    if (this._loop.isClosed()) return;
    for (const w of waiters) {
      if (w.done()) continue;
      if (this._error !== null) w.setException(this._error);
      else w.setResult(undefined);
    }
  }

  /** @internal */ private _resolveDrains(error: unknown): void {
    if (this._drainWaiters.size === 0 || this._loop.isClosed()) return;
    for (const w of this._drainWaiters) {
      if (w.done()) continue;
      if (error !== null) w.setException(error);
      else w.setResult(undefined);
    }
  }

  /**
   * Queues `data` for sending (strings as UTF-8); never waits. Follow a burst of writes with
   * `yield* writer.drain()`.
   *
   * @asyncio `StreamWriter.write`
   * @throws {TypeError} if `data` is not a string or a Uint8Array.
   * @throws {@link RuntimeError} after `writeEof()` or `close()` (asyncio drops writes after
   * `close()` silently; corio says so). After the connection was lost, writes are dropped and the
   * next `drain()` throws, as in asyncio.
   * @example
   * writer.write(Buffer.from([1, 2, 3]));
   */
  write(data: string | Uint8Array): void {
    if (typeof data !== "string" && !(data instanceof Uint8Array)) {
      throw new TypeError(
        `write(data): data must be a string or a Uint8Array, got ${describeValue(data)}`,
      );
    }
    if (this._eofWritten) throw new RuntimeError("Cannot call write() after writeEof()");
    if (this._closing) throw new RuntimeError("Cannot call write() after close()");
    if (data.length === 0 || this._lost || this._stream.destroyed) return;
    this._stream.write(data);
  }

  /**
   * Writes each chunk of `chunks` in order, in one go when the stream supports it.
   *
   * @asyncio `StreamWriter.writelines`
   * @throws as {@link write} does, for each chunk.
   * @example
   * writer.writelines(["GET / HTTP/1.0\r\n", "\r\n"]);
   */
  writelines(chunks: Iterable<string | Uint8Array>): void {
    const stream = this._stream;
    stream.cork();
    try {
      for (const chunk of chunks) this.write(chunk);
    } finally {
      stream.uncork();
    }
  }

  /**
   * Waits until the stream's buffer is under its high-water mark; returns at once, without
   * suspending, when it already is.
   *
   * @asyncio `StreamWriter.drain`
   * @throws the reader's error, if the connection failed.
   * @throws a `ConnectionResetError` (`code: "ECONNRESET"`), or the error that closed the
   * stream, once the connection is lost.
   * @throws {@link CancelledError} if the task is cancelled while waiting; written data stays
   * queued.
   * @example
   * for (const chunk of chunks) {
   *   writer.write(chunk);
   *   yield* writer.drain(); // waits while the peer does not read
   * }
   */
  drain(): Coroutine<void> {
    return new DrainOp(this) as unknown as Coroutine<void>;
  }

  /** @internal True when `drain()` has nothing to do: no error to throw, no close, no wait. */
  _drained(): boolean {
    const reader = this._reader;
    return (
      (reader === null || reader.exception() === null) &&
      !this._closing &&
      !this._lost &&
      !this._stream.destroyed &&
      !this._stream.writableNeedDrain
    );
  }

  /** @internal The whole of `drain()`, for when it may throw or wait. */
  *_drain(): Coroutine<void> {
    const reader = this._reader;
    if (reader !== null) {
      const error = reader.exception();
      if (error !== null) throw error;
    }
    // Let a close that is under way finish first (asyncio yields once here too).
    if (this.isClosing() && !this._lost) yield YIELD_NOW;
    if (this._lost) throw this._error ?? connectionLost();
    if (!this._stream.writableNeedDrain) return;
    const waiter = this._loop.createFuture<void>("StreamWriter.drain()");
    this._drainWaiters.add(waiter);
    const release = this._loop.trackExternal("drain()");
    try {
      yield* waiter;
    } finally {
      this._drainWaiters.delete(waiter);
      release();
    }
  }

  /**
   * Closes the write side after the buffered data is sent (a TCP FIN); reading goes on.
   *
   * @asyncio `StreamWriter.write_eof`
   * @throws {@link RuntimeError} if the stream cannot half-close (TLS).
   * @example
   * writer.write(request);
   * writer.writeEof();
   * const reply = yield* reader.read();
   */
  writeEof(): void {
    if (!this._canWriteEof) throw new RuntimeError("writeEof() is not supported on this stream");
    if (this._eofWritten || this._closing) return;
    this._eofWritten = true;
    this._stream.end();
  }

  /**
   * True if `writeEof()` is possible.
   *
   * @asyncio `StreamWriter.can_write_eof`
   * @example
   * if (writer.canWriteEof()) writer.writeEof();
   */
  canWriteEof(): boolean {
    return this._canWriteEof;
  }

  /**
   * Closes the stream once the buffered data is sent; never waits (see {@link waitClosed}).
   *
   * @asyncio `StreamWriter.close`
   * @example
   * writer.close();
   * yield* writer.waitClosed();
   */
  close(): void {
    if (this._closing) return;
    this._closing = true;
    const stream = this._stream;
    if (stream.destroyed) return;
    if (stream.writableFinished) {
      stream.destroy();
      return;
    }
    stream.once("finish", () => stream.destroy());
    if (!this._eofWritten) stream.end();
  }

  /**
   * True once `close()` was called or the stream is gone.
   *
   * @asyncio `StreamWriter.is_closing`
   * @example
   * if (!writer.isClosing()) writer.write("bye\n");
   */
  isClosing(): boolean {
    return this._closing || this._lost || this._stream.destroyed;
  }

  /**
   * Waits until the stream is closed.
   *
   * @asyncio `StreamWriter.wait_closed`
   * @throws the error that closed the stream (a reset connection, say), as asyncio does.
   * @throws {@link CancelledError} if the task is cancelled; the stream still closes.
   * @example
   * writer.close();
   * yield* writer.waitClosed();
   */
  waitClosed(): Coroutine<void> {
    return this._waitClosed();
  }

  /** @internal */ private *_waitClosed(): Coroutine<void> {
    if (!this._lost) {
      const waiter = this._loop.createFuture<void>("StreamWriter.waitClosed()");
      this._closeWaiters.push(waiter);
      const release = this._loop.trackExternal("waitClosed()");
      try {
        yield* waiter;
        return;
      } finally {
        release();
      }
    }
    if (this._error !== null) throw this._error;
  }

  /**
   * Information about the connection: `"peername"` and `"sockname"` (`[address, port]` for TCP, the
   * path for Unix sockets), `"socket"` (the Node socket), and for TLS `"peercert"`, `"cipher"`,
   * `"sslObject"`; `defaultValue` for anything else.
   *
   * @asyncio `StreamWriter.get_extra_info`
   * @example
   * const [host, port] = writer.getExtraInfo("peername") as [string, number];
   */
  getExtraInfo(name: string, defaultValue: unknown = undefined): unknown {
    const value = this._extraInfo?.(name);
    return value === undefined ? defaultValue : value;
  }
}

/**
 * `drain()` as a small iterator: most calls find nothing to wait for, and then cost no generator.
 * Like a generator, it looks at the writer only when first stepped; when it must throw or wait,
 * it hands over to the full `_drain()` generator.
 */
class DrainOp implements Iterator<Yielded, void, unknown> {
  private slow: Coroutine<void> | null = null;
  private started = false;

  constructor(private readonly writer: StreamWriter) {}

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<Yielded, void> {
    if (this.slow !== null) return this.slow.next();
    if (!this.started) {
      this.started = true;
      if (!this.writer._drained()) return (this.slow = this.writer._drain()).next();
    }
    return { value: undefined, done: true };
  }

  throw(error: unknown): IteratorResult<Yielded, void> {
    this.started = true;
    if (this.slow !== null) return this.slow.throw(error);
    throw error;
  }

  return(value?: unknown): IteratorResult<Yielded, void> {
    this.started = true;
    return this.slow !== null
      ? this.slow.return(value as void)
      : { value: value as void, done: true };
  }
}
