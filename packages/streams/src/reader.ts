/**
 * StreamReader: buffered reading from a byte stream, with asyncio's methods and flow control.
 *
 * How it works: whatever feeds the reader (a Node socket, a child's pipe, or a test calling
 * `feedData`) appends to one buffer and wakes the single waiting reader through a future, so the
 * wake-up enters the loop's ready queue. Every read method takes bytes out of the buffer only
 * after its wait is over, so a task cancelled while waiting leaves every byte buffered for the
 * next read. Past twice the `limit` the transport is paused; it resumes once a read brings the
 * buffer back under `limit`, or as soon as a read must wait for more (asyncio's `_wait_for_data`).
 * While a read on a transport waits, the loop's count of waiting reads (read-waits.ts) holds its
 * clock still.
 */
import {
  type Coroutine,
  describeValue,
  type EventLoop,
  type Future,
  getRunningLoop,
  type Operation,
  RuntimeError,
} from "@corio/interfaces";
import { ByteBuffer } from "./byte-buffer.js";
import { IncompleteReadError, LimitOverrunError } from "./errors.js";
import { eachLine, lineIterator } from "./lines.js";
import { ReadOp } from "./read-op.js";
import { type ReadWaits, readWaitsOf } from "./read-waits.js";
import type { ReadTransport, StreamReaderOptions, StreamReaderStatistics } from "./reader-types.js";
import { checkCount, checkLimit, checkSeparators } from "./validate.js";

const NEWLINE = Buffer.from("\n");

/**
 * Reads bytes from a stream: a connection opened by `openConnection`, one accepted by
 * `startServer`, or anything fed with `feedData` / `feedEof`.
 *
 * @asyncio `asyncio.StreamReader`
 * @example
 * const [reader, writer] = yield* openConnection("127.0.0.1", port);
 * const line = yield* reader.readline();
 */
export class StreamReader {
  /** @internal */ private readonly _loop: EventLoop;
  /** @internal */ private readonly _limit: number;
  /** @internal */ readonly _buffer = new ByteBuffer();
  /** @internal */ _eof = false;
  /** @internal */ private _waiter: Future<void> | null = null;
  /** @internal */ _exception: unknown = null;
  /** @internal */ private _transport: ReadTransport | null = null;
  /** @internal */ private _paused = false;
  /** @internal The loop's count of reads waiting on transports (made with the transport). */
  private _waits: ReadWaits | null = null;
  /** @internal The waiter whose wait this reader counts there, or null. */
  private _countedWait: Future<void> | null = null;

  /**
   * Makes a reader with nothing attached; feed it with `feedData` / `feedEof`, or attach a Node
   * stream with `readerFromStream`.
   *
   * @throws {RangeError} if `limit` is not a positive integer.
   * @throws {@link RuntimeError} without `loop`, if no loop is running.
   * @example
   * const reader = new StreamReader({ limit: 1024 });
   */
  constructor(options: StreamReaderOptions = {}) {
    this._limit = checkLimit("StreamReader(options): options.limit", options.limit);
    this._loop = options.loop ?? getRunningLoop();
  }

  /** The limit this reader was made with, in bytes. */
  get limit(): number {
    return this._limit;
  }

  /**
   * @internal Connects the reader to what feeds it, for flow control. Called once, by
   * `readerFromStream` and the connection functions.
   */
  _setTransport(transport: ReadTransport): void {
    if (this._transport !== null) throw new RuntimeError("StreamReader: transport already set");
    this._transport = transport;
    this._waits = readWaitsOf(this._loop);
  }

  /**
   * The error that ended the stream (set by {@link setException}), or `null`.
   *
   * @asyncio `StreamReader.exception`
   */
  exception(): unknown {
    return this._exception;
  }

  /**
   * Makes every read from now on throw `error`; a read that is waiting throws it at once.
   *
   * @asyncio `StreamReader.set_exception`
   * @example
   * reader.setException(new Error("peer vanished"));
   */
  setException(error: unknown): void {
    this._exception = error;
    const waiter = this._waiter;
    if (waiter !== null) {
      this._waiter = null;
      if (!waiter.done() && !this._loop.isClosed()) waiter.setException(error);
    }
  }

  /** @internal */ private _wakeup(): void {
    const waiter = this._waiter;
    if (waiter !== null) {
      this._waiter = null;
      if (!waiter.done() && !this._loop.isClosed()) waiter.setResult(undefined);
    }
  }

  /**
   * Appends bytes to the buffer and wakes a waiting read; pauses the transport past twice the
   * limit.
   *
   * @asyncio `StreamReader.feed_data`
   * @throws {@link RuntimeError} after {@link feedEof}.
   * @example
   * reader.feedData(Buffer.from("hello\n"));
   */
  feedData(data: Uint8Array): void {
    if (!(data instanceof Uint8Array)) {
      throw new TypeError(`feedData(data): data must be a Uint8Array, got ${describeValue(data)}`);
    }
    // A copy, as asyncio's bytearray.extend makes: the caller may reuse its array.
    this._feed(Buffer.from(data));
  }

  /** @internal feedData for a chunk nobody else will touch (a Node stream's): no copy. */
  _feed(data: Buffer): void {
    if (this._eof) throw new RuntimeError("StreamReader.feedData() called after feedEof()");
    if (data.length === 0) return;
    this._buffer.push(data);
    this._afterFeed();
  }

  /**
   * @internal feedData for bytes in a buffer the feeder reuses (a connection's `onread` buffer):
   * the first `n` bytes of `source` are copied. Bytes after EOF are dropped, as the stream
   * bridges drop data that comes after the stream ended.
   */
  _feedFrom(source: Uint8Array, n: number): void {
    if (this._eof || n <= 0) return;
    this._buffer.pushCopy(source, n);
    this._afterFeed();
  }

  /** @internal Wakes a waiting read; pauses the transport past twice the limit. */
  private _afterFeed(): void {
    this._wakeup();
    if (this._transport !== null && !this._paused && this._buffer.length > 2 * this._limit) {
      this._paused = true;
      this._transport.pauseReading();
    }
  }

  /**
   * Marks the end of the stream: reads return what is buffered, then empty results.
   *
   * @asyncio `StreamReader.feed_eof`
   * @example
   * reader.feedEof();
   */
  feedEof(): void {
    this._eof = true;
    this._wakeup();
  }

  /**
   * True once the stream has ended and every buffered byte was read.
   *
   * @asyncio `StreamReader.at_eof`
   * @example
   * while (!reader.atEof()) handle(yield* reader.read(4096));
   */
  atEof(): boolean {
    return this._eof && this._buffer.length === 0;
  }

  /**
   * What the reader holds: buffered bytes, its limit, whether it reached EOF, whether the
   * transport is paused and whether a read is waiting.
   *
   * @example
   * reader.statistics(); // { buffered: 131073, limit: 65536, eof: false, paused: true, waiting: false }
   */
  statistics(): StreamReaderStatistics {
    return {
      buffered: this._buffer.length,
      limit: this._limit,
      eof: this._eof,
      paused: this._paused,
      waiting: this._waiter !== null,
    };
  }

  /** @internal */ _maybeResume(): void {
    if (this._paused && this._buffer.length <= this._limit) {
      this._paused = false;
      this._transport!.resumeReading();
    }
  }

  /**
   * Starts waiting until data or EOF arrives and returns the future to `yield*`; the caller ends
   * the wait with `_endWait` in a `finally`. Buffered bytes are untouched, so a cancelled wait
   * loses nothing. `name` is the read method, `label` what task listings show. (Two calls rather
   * than a generator: one object less per wait on the hot path.)
   * @internal
   */
  _startWait(name: string, label: string): Future<void> {
    if (this._waiter !== null) {
      throw new RuntimeError(
        `${name}() called while another task is already waiting for incoming data`,
      );
    }
    // Waiting while paused would never end (readexactly(n) with n > 2 * limit, say).
    if (this._paused) {
      this._paused = false;
      this._transport!.resumeReading();
    }
    const waiter = this._loop.createFuture<void>(label);
    this._waiter = waiter;
    // Bytes from a transport come from outside the loop: hold a virtual clock still meanwhile. A
    // previous waiter woken but not resumed yet is done waiting: its count passes to this one.
    if (this._countedWait !== null) this._countedWait = waiter;
    else if (this._waits !== null) {
      this._waits.enter();
      this._countedWait = waiter;
    }
    return waiter;
  }

  /** @internal */ _endWait(waiter: Future<void>): void {
    if (this._waiter === waiter) this._waiter = null;
    if (this._countedWait === waiter) {
      this._countedWait = null;
      this._waits!.leave();
    }
  }

  /**
   * Reads up to `n` bytes: waits until at least one byte is buffered, then returns what is there
   * (at most `n`). With a negative `n` (the default is -1), reads until EOF and returns everything,
   * as asyncio does for any `n < 0`. Returns an empty buffer at EOF.
   *
   * @asyncio `StreamReader.read`
   * @throws {TypeError} if `n` is not an integer.
   * @throws the stream's error (see {@link exception}).
   * @throws {@link CancelledError} if the task is cancelled; buffered bytes stay buffered (even
   * with a negative `n`, unlike asyncio, which loses what it had gathered).
   * @example
   * const chunk = yield* reader.read(4096);
   * const all = yield* reader.read();
   */
  read(n = -1): Coroutine<Buffer> {
    checkCount("read(n): n", n, true);
    if (n < 0) return this._readAll();
    return new ReadOp(this, n, false) as unknown as Coroutine<Buffer>;
  }

  /** @internal */ private *_readAll(): Coroutine<Buffer> {
    if (this._exception !== null) throw this._exception;
    while (!this._eof) {
      const waiter = this._startWait("read", "StreamReader.read()");
      try {
        yield* waiter;
      } finally {
        this._endWait(waiter);
      }
    }
    if (this._exception !== null) throw this._exception;
    return this._buffer.take(this._buffer.length);
  }

  /**
   * Reads exactly `n` bytes.
   *
   * @asyncio `StreamReader.readexactly`
   * @throws {TypeError} / {RangeError} if `n` is not an integer ≥ 0.
   * @throws {@link IncompleteReadError} if the stream ends first; `partial` holds what arrived.
   * @throws {@link CancelledError} if the task is cancelled; what arrived stays buffered.
   * @example
   * const header = yield* reader.readexactly(4);
   * const body = yield* reader.readexactly(header.readUInt32BE(0));
   */
  readexactly(n: number): Coroutine<Buffer> {
    checkCount("readexactly(n): n", n, false);
    return new ReadOp(this, n, true) as unknown as Coroutine<Buffer>;
  }

  /**
   * Reads up to and including `separator` (a string, bytes, or a list of them: the shortest
   * match wins).
   *
   * @asyncio `StreamReader.readuntil`
   * @throws {TypeError} / {RangeError} if `separator` is not one or more non-empty strings/bytes.
   * @throws {@link LimitOverrunError} if no separator shows within `limit` bytes; the data stays
   * buffered.
   * @throws {@link IncompleteReadError} if the stream ends first; `partial` holds the rest.
   * @throws {@link CancelledError} if the task is cancelled; nothing is consumed.
   * @example
   * const head = yield* reader.readuntil("\r\n\r\n");
   */
  readuntil(
    separator: string | Uint8Array | readonly (string | Uint8Array)[] = NEWLINE,
  ): Coroutine<Buffer> {
    const seps = checkSeparators("readuntil(separator): separator", separator);
    return this._readuntil(seps);
  }

  /** @internal */ private *_readuntil(seps: Buffer[]): Coroutine<Buffer> {
    if (this._exception !== null) throw this._exception;
    const minLen = seps[0]!.length;
    const maxLen = seps[seps.length - 1]!.length;
    const buffer = this._buffer;
    // Bytes before `offset` are known to hold no separator.
    let offset = 0;
    let matchStart = -1;
    let matchEnd = -1;
    for (;;) {
      const buflen = buffer.length;
      if (buflen - offset >= minLen) {
        for (const sep of seps) {
          const i = buffer.indexOf(sep, offset);
          if (i !== -1 && (matchEnd === -1 || i + sep.length < matchEnd)) {
            matchStart = i;
            matchEnd = i + sep.length;
          }
        }
        if (matchEnd !== -1) break;
        offset = Math.max(0, buflen + 1 - maxLen);
        if (offset > this._limit) {
          throw new LimitOverrunError("Separator is not found, and chunk exceed the limit", offset);
        }
      }
      if (this._eof) throw new IncompleteReadError(buffer.take(buffer.length), null);
      {
        const waiter = this._startWait("readuntil", "StreamReader.readuntil()");
        try {
          yield* waiter;
        } finally {
          this._endWait(waiter);
        }
      }
    }
    if (matchStart > this._limit) {
      throw new LimitOverrunError("Separator is found, but chunk is longer than limit", matchStart);
    }
    const chunk = buffer.take(matchEnd);
    this._maybeResume();
    return chunk;
  }

  /**
   * Reads one line, ending with `"\n"`; at EOF returns the unterminated rest, then empty buffers.
   *
   * @asyncio `StreamReader.readline`
   * @throws {@link LimitOverrunError} if the line is longer than `limit` (asyncio raises
   * `ValueError`): as in asyncio, the long line is dropped if its end is buffered, else the whole
   * buffer is.
   * @throws {@link CancelledError} if the task is cancelled; nothing is consumed.
   * @example
   * for (let line = yield* reader.readline(); line.length > 0; line = yield* reader.readline()) {
   *   console.log(line.toString().trimEnd());
   * }
   */
  *readline(): Coroutine<Buffer> {
    try {
      return yield* this._readuntil([NEWLINE]);
    } catch (error) {
      if (error instanceof IncompleteReadError) return error.partial;
      if (error instanceof LimitOverrunError) {
        if (this._buffer.startsWith(NEWLINE, error.consumed)) {
          this._buffer.skip(error.consumed + NEWLINE.length);
        } else {
          this._buffer.clear();
        }
        this._maybeResume();
        throw new LimitOverrunError(error.message, error.consumed);
      }
      throw error;
    }
  }

  /**
   * Calls `handle` with each line until EOF and returns how many lines it handled: the
   * `yield*`-friendly form of `async for line in reader`. `handle` may be a generator function
   * (awaited before the next line is read) or a plain function.
   *
   * @asyncio `async for line in reader`
   * @throws {TypeError} if `handle` is not a function.
   * @throws whatever `readline` or `handle` throws.
   * @example
   * yield* reader.lines((line) => console.log(line.toString().trimEnd()));
   */
  lines(handle: (line: Buffer) => Operation<unknown> | unknown): Coroutine<number> {
    if (typeof handle !== "function") {
      throw new TypeError(`lines(handle): handle must be a function, got ${describeValue(handle)}`);
    }
    return eachLine(this, handle);
  }

  /**
   * Lines as an async iterator, for `for await` in an `async` function running beside the loop
   * (inside a coroutine use {@link lines} or `readline`). Each step runs `readline()` as a task.
   *
   * @asyncio `StreamReader.__aiter__`
   * @example
   * for await (const line of reader) console.log(line.toString());
   */
  [Symbol.asyncIterator](): AsyncIterator<Buffer> {
    return lineIterator(this, this._loop);
  }
}
