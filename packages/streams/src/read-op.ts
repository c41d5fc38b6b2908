/**
 * ReadOp: `StreamReader.read(n)` (n > 0) and `readexactly(n)` as a hand-written iterator rather
 * than a generator. Request/response protocols call one of them per message, so this is the
 * reader's hottest path: the op is a small object driven straight by the caller's `yield*`, which
 * saves a generator object and its resumes on every read.
 *
 * It behaves as the generator it replaces would: nothing runs before the first `next()`; a wait
 * yields the reader's waiter future; a resume takes bytes only once the wait is over, so a task
 * cancelled while waiting (`throw()`) or abandoned (`return()`) leaves every byte buffered.
 */
import type { Future, Yielded } from "@corio/interfaces";
import { IncompleteReadError } from "./errors.js";
import type { StreamReader } from "./reader.js";

const EMPTY = Buffer.alloc(0);

/** @internal One `read(n)` with n > 0 (`exact` false) or `readexactly(n)` (`exact` true). */
export class ReadOp implements Iterator<Yielded, Buffer, unknown> {
  /** The wait under way, if any. */
  private waiter: Future<void> | null = null;
  /** Stepped at least once (or closed): a later step finds the op finished unless it waits. */
  private started = false;

  constructor(
    private readonly reader: StreamReader,
    private readonly n: number,
    private readonly exact: boolean,
  ) {}

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<Yielded, Buffer> {
    const reader = this.reader;
    const waiter = this.waiter;
    if (waiter !== null) {
      // Stepped before the wait is over (only by hand: a task steps once it is done): wait on,
      // as `yield* waiter` would.
      if (!waiter.done())
        return waiter[Symbol.iterator]().next() as IteratorResult<Yielded, Buffer>;
      this.finish();
      waiter[Symbol.iterator]().next(); // throws the stream's error, or a cancelled wait's
    } else if (this.started) {
      return { value: undefined as never, done: true };
    } else {
      this.started = true;
      if (reader._exception !== null) throw reader._exception;
      if (this.n === 0) return { value: EMPTY, done: true };
    }
    const buffer = reader._buffer;
    const n = this.n;
    const exact = this.exact;
    if (exact ? buffer.length < n : buffer.length === 0) {
      if (!reader._eof) {
        const next = exact
          ? reader._startWait("readexactly", "StreamReader.readexactly()")
          : reader._startWait("read", "StreamReader.read()");
        this.waiter = next;
        return next[Symbol.iterator]().next() as IteratorResult<Yielded, Buffer>;
      }
      if (exact) throw new IncompleteReadError(buffer.take(buffer.length), n);
    }
    const data = buffer.take(n);
    reader._maybeResume();
    return { value: data, done: true };
  }

  /** An error thrown in while waiting (a cancellation) ends the wait and goes on up. */
  throw(error: unknown): IteratorResult<Yielded, Buffer> {
    this.finish();
    throw error;
  }

  return(value?: unknown): IteratorResult<Yielded, Buffer> {
    this.finish();
    return { value: value as Buffer, done: true };
  }

  private finish(): void {
    const waiter = this.waiter;
    this.started = true;
    if (waiter !== null) {
      this.waiter = null;
      this.reader._endWait(waiter);
    }
  }
}
