import * as I from "@corio/interfaces";
import { type EventLoop, Future, type TimerEntry } from "@corio/loop";

const { getRunningLoop } = I;

import { YIELD_NOW } from "@corio/interfaces";

const YIELDING: IteratorResult<I.Yielded, undefined> = Object.freeze({
  value: YIELD_NOW,
  done: false,
});
const RESUMED: IteratorResult<I.Yielded, undefined> = Object.freeze({
  value: undefined,
  done: true,
});

/**
 * `sleep(0)`: yields `YIELD_NOW` once. It keeps no state of its own: the task resumes every
 * coroutine with `next(YIELD_NOW)`, and that is how it knows the iteration has passed. One shared
 * instance serves every caller, so a switch allocates nothing.
 */
const SLEEP_ZERO: I.Operation<undefined> & Iterator<I.Yielded, undefined, unknown> = {
  [Symbol.iterator]() {
    return this;
  },
  next(resumedWith?: unknown) {
    return resumedWith === YIELD_NOW ? RESUMED : YIELDING;
  },
  throw(error: unknown): never {
    throw error;
  },
  return(value?: unknown) {
    return { value: value as undefined, done: true };
  },
};

function* sleepZeroWith<T>(value: T): Generator<I.Yielded, T, unknown> {
  yield* SLEEP_ZERO;
  return value;
}

function wake(fut: SleepFuture<unknown>): void {
  if (fut._state === 0) fut.setResult(fut._value);
}

/**
 * A future that arms its timer on first `next()`, that is, when a coroutine starts waiting on
 * it: `sleep(1000)` made ahead of time sleeps from the moment it is awaited, as in asyncio.
 *
 * On a corio loop the future is its own timer: it carries the fields the loop's timer queue reads
 * (`_when`, `_seq`, `_callback`, `_run`), so a pending sleep is one object, not a future plus a
 * `TimerHandle` (about 50 bytes less per sleeping task). On another loop it falls back to
 * `callLater`, and `_callback` holds that loop's handle.
 */
class SleepFuture<T> extends Future<T> {
  _value: T;
  private readonly _ms: number;
  /** @internal Timer entry: the loop time at which the sleep ends. */
  _when = 0;
  /** @internal Timer entry: scheduling order; -1 while not in the loop's timer queue. */
  _seq = -1;
  /**
   * @internal Timer entry: `wake` while armed on a corio loop, another loop's timer handle, or
   * null when not armed or cancelled.
   */
  _callback: typeof wake | I.TimerHandle | null = null;
  /** @internal Timer entry: the next timer in the loop's list for this delay. */
  _next: TimerEntry | null = null;

  constructor(ms: number, value: T) {
    super(null as unknown as EventLoop);
    this._ms = ms;
    this._value = value;
  }

  // The label is made when a listing asks for it, not once per sleep.
  override get label(): string | undefined {
    return this._label ?? (Number.isFinite(this._ms) ? `sleep(${this._ms})` : "sleep(forever)");
  }

  override set label(value: string | undefined) {
    this._label = value;
  }

  override next(): IteratorResult<I.Yielded, T> {
    if (this._loop === null) {
      const loop = getRunningLoop() as EventLoop;
      this._loop = loop;
      if (Number.isFinite(this._ms)) {
        if (typeof loop._timerEntry === "function") {
          this._callback = wake;
          loop._timerEntry(this, this._ms);
        } else {
          this._callback = (loop as I.EventLoop).callLater(this._ms, () =>
            wake(this as SleepFuture<unknown>),
          );
        }
      }
    }
    return super.next();
  }

  /** @internal Timer entry: the loop calls this once the sleep is due. */
  _run(): void {
    // Null: the timer was cancelled after it was due but before this iteration reached it.
    if (this._callback === null) return;
    wake(this as SleepFuture<unknown>); // cannot throw: it settles only a pending future
    // Instruments see the same callback as when a sleep was a TimerHandle running `wake`.
    const hooks = this._loop._hooks;
    if (hooks !== null && hooks.callbackRan !== undefined) hooks.callbackRan(wake);
  }

  override cancel(message?: string): boolean {
    if (!super.cancel(message)) return false;
    const timer = this._callback;
    if (timer === wake) {
      this._loop._cancelTimer(this); // the loop's queue drops the entry lazily
    } else if (timer !== null) {
      this._callback = null;
      (timer as I.TimerHandle).cancel(); // another loop's handle
    }
    return true;
  }
}

/**
 * Suspends the calling coroutine for `ms` milliseconds of loop time, then returns `value`.
 * `sleep(0)` (or any delay of 0 or less) gives up control for exactly one loop iteration;
 * `sleep(Infinity)` waits until cancelled. Cancelling the waiting task cancels the timer.
 *
 * @asyncio `asyncio.sleep` (which counts seconds)
 * @throws {TypeError} if `ms` is not a number.
 * @throws {RangeError} if `ms` is NaN.
 * @throws {@link RuntimeError} (when awaited) if no loop is running.
 * @example
 * yield* sleep(1000);           // one second
 * const v = yield* sleep(10, "x"); // "x"
 */
export function sleep(ms: number): I.Operation<void>;
export function sleep<T>(ms: number, value: T): I.Operation<T>;
export function sleep<T>(ms: number, value?: T): I.Operation<T | undefined> {
  if (typeof ms !== "number") {
    throw new TypeError(`sleep(ms): ms must be a number of milliseconds, got ${typeof ms}`);
  }
  if (Number.isNaN(ms))
    throw new RangeError("sleep(ms): ms must be a number of milliseconds, got NaN");
  if (ms <= 0) return value === undefined ? SLEEP_ZERO : sleepZeroWith(value);
  return new SleepFuture(ms, value);
}
