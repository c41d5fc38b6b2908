import * as I from "@corio/interfaces";
import { type EventLoop, Future, type TimerHandle } from "@corio/loop";

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
 */
class SleepFuture<T> extends Future<T> {
  _timer: TimerHandle | I.TimerHandle | null = null;
  _value: T;
  private readonly _ms: number;

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
        if (typeof loop._timerAt === "function") {
          this._timer = loop._timerAt(loop.time() + this._ms, wake, this as SleepFuture<unknown>);
        } else {
          this._timer = (loop as I.EventLoop).callLater(this._ms, () =>
            wake(this as SleepFuture<unknown>),
          );
        }
      }
    }
    return super.next();
  }

  override cancel(message?: string): boolean {
    if (!super.cancel(message)) return false;
    this._timer?.cancel();
    this._timer = null;
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
