/**
 * StreamWriter over a child process's stdin pipe (its reader twin is pipe-reader.ts).
 *
 * INTEGRATION NOTE: a stand-in, like pipe-reader.ts. `@corio/streams` (written in parallel)
 * provides asyncio's StreamWriter over sockets with the same method names and semantics; when it
 * lands, construct that writer on the child's `Writable` here and delete this class.
 *
 * How it works: `write()` hands bytes to the Node.js pipe at once (never waits); `drain()` waits
 * while the pipe is above its high-water mark (Node's `writableNeedDrain`), parked on a loop future
 * and holding `loop.trackExternal`. The pipe's `error` event is always listened to, so a child that
 * exits without reading (EPIPE) fails the next `write()` or `drain()` instead of crashing the
 * process.
 */
import type { Writable } from "node:stream";
import * as I from "@corio/interfaces";
import { toBuffer } from "./pipe-reader.js";

const { RuntimeError } = I;

function brokenPipe(label: string): Error {
  return Object.assign(new Error(`write EPIPE: ${label} was closed by the other side`), {
    code: "EPIPE",
  });
}

/**
 * Writes bytes to a child's stdin.
 *
 * @asyncio `asyncio.StreamWriter`
 * @example
 * proc.stdin!.write("hello\n");
 * yield* proc.stdin!.drain();
 */
export class StreamWriter {
  /** @internal */ private readonly _loop: I.EventLoop;
  /** @internal */ private readonly _sink: Writable;
  /** @internal */ private readonly _label: string;
  /** @internal */ private _error: unknown = null;
  /** @internal */ private _closing = false;
  /** @internal */ private _closed = false;
  /** @internal */ private readonly _waiters = new Set<I.Future<void>>();

  /** @internal */
  constructor(loop: I.EventLoop, sink: Writable, label: string) {
    this._loop = loop;
    this._sink = sink;
    this._label = label;
    // Always listen for errors: a child that exits without reading makes the pipe fail with
    // EPIPE, and an 'error' event nobody listens to would crash the process.
    sink.on("error", (error: Error) => {
      this._error = error;
      this._wakeAll();
    });
    sink.on("drain", () => this._wakeAll());
    sink.on("close", () => {
      // Closed from the other side (Node closes a child's stdin once the child has exited): later
      // writes fail as asyncio's do on a broken pipe, with EPIPE.
      if (!this._closing && this._error === null) this._error = brokenPipe(label);
      this._closing = true;
      this._closed = true;
      this._wakeAll();
    });
  }

  /**
   * Queues `data` for the child; never waits. Follow with `drain()` to respect backpressure.
   *
   * @asyncio `StreamWriter.write`
   * @throws {TypeError} if `data` is neither bytes nor a string.
   * @throws the pipe's error once it broke (`EPIPE`: the child stopped reading).
   * @throws {@link RuntimeError} after `close()` or `writeEof()`.
   */
  write(data: Uint8Array | string): void {
    const buf = toBuffer("write(data)", data);
    this._checkBroken();
    if (this._closing) throw new RuntimeError(`write() on ${this._label} after it was closed`);
    if (buf.length > 0) this._sink.write(buf);
  }

  /**
   * Queues each item of `data` in order.
   *
   * @asyncio `StreamWriter.writelines`
   * @throws the errors of {@link StreamWriter.write}.
   */
  writelines(data: Iterable<Uint8Array | string>): void {
    for (const item of data) this.write(item);
  }

  /**
   * Waits while the pipe's buffer is above its high-water mark.
   *
   * @asyncio `StreamWriter.drain`
   * @throws the pipe's error (`EPIPE` when the child stopped reading: asyncio's `BrokenPipeError`).
   * @throws {@link CancelledError} if the task is cancelled while waiting; queued data stays queued.
   */
  *drain(): I.Coroutine<void> {
    for (;;) {
      this._checkBroken();
      if (this._closed || !this._sink.writableNeedDrain) return;
      yield* this._wait("drain");
    }
  }

  /** True: a pipe can be half-closed. @asyncio `StreamWriter.can_write_eof` */
  canWriteEof(): boolean {
    return true;
  }

  /** Closes the pipe after the queued data (the child reads the end). @asyncio `StreamWriter.write_eof` */
  writeEof(): void {
    this.close();
  }

  /** Flushes what is queued, then closes the pipe. @asyncio `StreamWriter.close` */
  close(): void {
    if (this._closing) return;
    this._closing = true;
    this._sink.end();
  }

  /** True once `close()` was called or the pipe closed. @asyncio `StreamWriter.is_closing` */
  isClosing(): boolean {
    return this._closing;
  }

  /**
   * Waits until the pipe is closed.
   *
   * @asyncio `StreamWriter.wait_closed`
   * @throws {@link CancelledError} if the task is cancelled while waiting.
   */
  *waitClosed(): I.Coroutine<void> {
    while (!this._closed) yield* this._wait("waitClosed");
  }

  /** `"pipe"`: the Node.js stream; anything else: `fallback`. @asyncio `StreamWriter.get_extra_info` */
  getExtraInfo(name: string, fallback: unknown = null): unknown {
    return name === "pipe" ? this._sink : fallback;
  }

  /** @internal Stops waiting and drops what is queued (the loop is closing). */
  _destroy(): void {
    this._closing = true;
    this._sink.destroy();
  }

  /** @internal Throws the pipe's error; a pipe destroyed under us (its 'close' event not seen yet) is EPIPE. */
  private _checkBroken(): void {
    if (this._error === null && this._sink.destroyed && !this._closing) {
      this._error = brokenPipe(this._label);
    }
    if (this._error !== null) throw this._error;
  }

  /** @internal */ private *_wait(method: string): I.Coroutine<void> {
    const fut = this._loop.createFuture<void>(`${this._label}.${method}()`);
    this._waiters.add(fut);
    const release = this._loop.trackExternal(`${this._label}: ${method}()`);
    try {
      yield* fut;
    } finally {
      release();
      this._waiters.delete(fut);
    }
  }

  /** @internal */ private _wakeAll(): void {
    if (this._loop.isClosed()) return;
    for (const fut of this._waiters) if (!fut.done()) fut.setResult(undefined);
  }
}
