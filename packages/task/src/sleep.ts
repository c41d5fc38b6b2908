// sleep(ms): a future that is its own timer, and sleep(0), one shared stateless iterator.
import {
  getRunningLoop,
  getTaskHost,
  type Operation,
  type TaskHost,
  type TimerEntry,
  type TimerHandleLike,
  YIELD_NOW,
  type Yielded,
} from "@corio/interfaces";
import { type EventLoop, Future } from "@corio/loop";

const YIELDING: IteratorResult<Yielded, undefined> = Object.freeze({
  value: YIELD_NOW,
  done: false,
});
const RESUMED: IteratorResult<Yielded, undefined> = Object.freeze({
  value: undefined,
  done: true,
});

/**
 * `sleep(0)`: yields `YIELD_NOW` once. It keeps no state of its own: the task resumes every
 * coroutine with `next(YIELD_NOW)`, and that is how it knows the iteration has passed. One shared
 * instance serves every caller, so a switch allocates nothing.
 */
const SLEEP_ZERO: Operation<undefined> & Iterator<Yielded, undefined, unknown> = {
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

function* sleepZeroWith<T>(value: T): Generator<Yielded, T, unknown> {
  yield* SLEEP_ZERO;
  return value;
}

/** The task host of an armed sleep's loop (one exists: `callback` is `wake` only then). */
function hostOf(fut: SleepFuture<unknown>): TaskHost {
  return getTaskHost(fut.getLoop()) as TaskHost;
}

function wake(fut: SleepFuture<unknown>): void {
  if (!fut.done()) fut.setResult(fut._wakeValue());
}

/**
 * A future that arms its timer on first `next()`, that is, when a coroutine starts waiting on
 * it: `sleep(1000)` made ahead of time sleeps from the moment it is awaited, as in asyncio.
 *
 * On a corio loop the future is its own timer: it is a `TimerEntry` (see `TaskHost` in
 * `@corio/interfaces`), so a pending sleep is one object, not a future plus a `TimerHandle` (about
 * 50 bytes less per sleeping task). On another loop it falls back to `callLater`, and `callback`
 * holds that loop's handle.
 */
class SleepFuture<T> extends Future<T> implements TimerEntry {
  /** @internal */ private readonly _ms: number;
  timerWhen = 0;
  timerSeq = -1;
  /** `wake` while armed on a corio loop, another loop's timer handle, or null. */
  callback: typeof wake | TimerHandleLike | null = null;
  timerNext: TimerEntry | null = null;

  constructor(ms: number) {
    super(null);
    this._ms = ms;
  }

  /** @internal What the sleep returns: undefined here, a value in `ValueSleep`. */
  _wakeValue(): T {
    return undefined as T;
  }

  // The label is made when a listing asks for it, not once per sleep.
  override get label(): string | undefined {
    return super.label ?? (Number.isFinite(this._ms) ? `sleep(${this._ms})` : "sleep(forever)");
  }

  override set label(value: string | undefined) {
    super.label = value;
  }

  override next(): IteratorResult<Yielded, T> {
    if (this.getLoop() === null) {
      const loop = getRunningLoop();
      this.bindLoop(loop as EventLoop);
      if (Number.isFinite(this._ms)) {
        const host = getTaskHost(loop);
        if (host !== null) {
          this.callback = wake;
          host.startTimer(this, this._ms);
        } else {
          this.callback = loop.callLater(this._ms, () => wake(this as SleepFuture<unknown>));
        }
      }
    }
    return super.next();
  }

  /** The loop's timer queue calls this once the sleep is due. */
  runTimer(): void {
    // Null: the timer was cancelled after it was due but before this iteration reached it.
    if (this.callback === null) return;
    wake(this as SleepFuture<unknown>); // cannot throw: it settles only a pending future
    // Instruments see a sleep's wake-up as a timer callback named `wake`, like any other timer.
    const hooks = hostOf(this as SleepFuture<unknown>).hooks;
    if (hooks !== null && hooks.callbackRan !== undefined) hooks.callbackRan(wake);
  }

  override cancel(message?: string): boolean {
    if (!super.cancel(message)) return false;
    const timer = this.callback;
    if (timer === wake) {
      hostOf(this as SleepFuture<unknown>).cancelTimer(this); // the loop's queue drops the entry lazily
    } else if (timer !== null) {
      this.callback = null;
      (timer as TimerHandleLike).cancel(); // another loop's handle
    }
    return true;
  }
}

/**
 * `sleep(ms, value)`: a sleep that returns a value. Most sleeps return nothing, so the value has
 * a subclass of its own instead of a field in every sleeping task's sleep.
 */
class ValueSleep<T> extends SleepFuture<T> {
  /** @internal */ private readonly _value: T;

  constructor(ms: number, value: T) {
    super(ms);
    this._value = value;
  }

  override _wakeValue(): T {
    return this._value;
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
export function sleep(ms: number): Operation<void>;
export function sleep<T>(ms: number, value: T): Operation<T>;
export function sleep<T>(ms: number, value?: T): Operation<T | undefined> {
  if (typeof ms !== "number") {
    throw new TypeError(`sleep(ms): ms must be a number of milliseconds, got ${typeof ms}`);
  }
  if (Number.isNaN(ms))
    throw new RangeError("sleep(ms): ms must be a number of milliseconds, got NaN");
  if (ms <= 0) return value === undefined ? SLEEP_ZERO : sleepZeroWith(value);
  return value === undefined ? new SleepFuture<undefined>(ms) : new ValueSleep(ms, value);
}
