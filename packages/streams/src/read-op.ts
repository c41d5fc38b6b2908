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

/** Not started, waiting (the waiter is set), or finished. */
const START = 0;
const WAITING = 1;
const DONE = 2;

/** @internal One `read(n)` with n > 0 (`exact` false) or `readexactly(n)` (`exact` true). */
export class ReadOp implements Iterator<Yielded, Buffer, unknown> {
  private state = START;
  private waiter: Future<void> | null = null;
  /** The waiter's own iterator (a corio future is its own): what `yield* waiter` would step. */
  private waiting: Iterator<Yielded, void, unknown> | null = null;

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
    if (this.state === WAITING) {
      const waiter = this.waiter!;
      // Resumed before the wait is over (only by hand: a task resumes once it is done): wait on.
      if (!waiter.done()) return this.waiting!.next() as IteratorResult<Yielded, Buffer>;
      this.state = DONE;
      const waiting = this.waiting!;
      this.waiter = this.waiting = null;
      reader._endWait(waiter);
      waiting.next(); // throws the stream's error, or the CancelledError of a cancelled wait
    } else if (this.state === START) {
      this.state = DONE;
      if (reader._exception !== null) throw reader._exception;
      if (this.n === 0) return { value: EMPTY, done: true };
    } else {
      return { value: undefined as never, done: true };
    }
    const buffer = reader._buffer;
    const n = this.n;
    if (this.exact) {
      if (buffer.length < n) {
        if (reader._eof) throw new IncompleteReadError(buffer.take(buffer.length), n);
        return this.wait("readexactly", "StreamReader.readexactly()");
      }
    } else if (buffer.length === 0 && !reader._eof) {
      return this.wait("read", "StreamReader.read()");
    }
    const data = buffer.take(n);
    reader._maybeResume();
    return { value: data, done: true };
  }

  private wait(name: string, label: string): IteratorResult<Yielded, Buffer> {
    const waiter = this.reader._startWait(name, label);
    const waiting = waiter[Symbol.iterator]();
    this.waiter = waiter;
    this.waiting = waiting;
    this.state = WAITING;
    return waiting.next() as IteratorResult<Yielded, Buffer>;
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
    this.state = DONE;
    if (waiter !== null) {
      this.waiter = this.waiting = null;
      this.reader._endWait(waiter);
    }
  }
}
