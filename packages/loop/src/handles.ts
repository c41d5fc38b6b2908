import type * as I from "@corio/interfaces";
import type { EventLoop } from "./loop.js";
import type { TimerEntry } from "./timer-heap.js";

/**
 * A callback scheduled with `callSoon`. Cancelling it before it runs means it never runs.
 *
 * @asyncio `asyncio.Handle`
 */
export class Handle implements I.Handle {
  // A handle is cancelled exactly when its callback is null (cancelling drops the callback, and
  // nothing else does), so no separate flag is kept: with a million timers every field counts.
  /** @internal The callback, or null once cancelled. */ _callback: ((arg: any) => void) | null;
  /** @internal */ _arg: unknown;
  /** @internal */ _loop: EventLoop;

  /** @internal */
  constructor(loop: EventLoop, callback: (arg: any) => void, arg: unknown) {
    this._loop = loop;
    this._callback = callback;
    this._arg = arg;
  }

  /**
   * Stops the callback from running; does nothing if it already ran.
   *
   * @asyncio `Handle.cancel`
   * @example
   * const h = loop.callSoon(() => console.log("never"));
   * h.cancel();
   */
  cancel(): void {
    if (this._callback !== null) {
      this._callback = null;
      this._arg = undefined;
    }
  }

  /** True once `cancel()` was called. @asyncio `Handle.cancelled` */
  cancelled(): boolean {
    return this._callback === null;
  }

  /** @internal Runs the callback unless cancelled; errors go to the loop's exception handler. */
  _run(): void {
    const callback = this._callback;
    if (callback === null) return;
    try {
      callback(this._arg);
    } catch (error) {
      this._loop.callExceptionHandler({
        message: `Exception in callback ${describeCallback(callback)}`,
        exception: error,
        handle: this,
      });
    }
    const hooks = this._loop._hooks;
    if (hooks !== null && hooks.callbackRan !== undefined) hooks.callbackRan(callback);
  }

  toString(): string {
    return `<Handle ${this._callback === null ? "cancelled" : describeCallback(this._callback)}>`;
  }
}

/**
 * A callback scheduled for a point in the loop's time with `callLater` or `callAt`.
 *
 * @asyncio `asyncio.TimerHandle`
 */
export class TimerHandle extends Handle implements I.TimerHandle {
  /** @internal */ _when: number;
  /**
   * @internal Tie-breaker: equal deadlines run in the order they were scheduled. The loop sets it
   * to -1 when the handle leaves its timer queue, so it also says whether the handle is queued
   * (one field instead of two, for the same reason as in `Handle`).
   */
  _seq: number;
  /** @internal The next timer with the same delay, while queued (see `TimerQueue`). */
  _next: TimerEntry | null = null;

  /** @internal */
  constructor(
    loop: EventLoop,
    when: number,
    seq: number,
    callback: (arg: any) => void,
    arg: unknown,
  ) {
    super(loop, callback, arg);
    this._when = when;
    this._seq = seq;
  }

  /** The loop time (ms) at which the callback is due. @asyncio `TimerHandle.when` */
  when(): number {
    return this._when;
  }

  override cancel(): void {
    if (this._callback === null) return;
    // Lazy deletion: the queue drops the entry when it reaches the front (or on a rebuild).
    this._loop._cancelTimer(this);
    this._arg = undefined;
  }

  override toString(): string {
    return `<TimerHandle when=${this._when} ${this._callback === null ? "cancelled" : describeCallback(this._callback)}>`;
  }
}

/** A short description of a callback for messages. */
export function describeCallback(callback: Function | null): string {
  if (callback === null) return "(none)";
  return callback.name ? `${callback.name}()` : "(anonymous function)";
}
