import type * as I from "@corio/interfaces";
import type { EventLoop } from "./loop.js";

/**
 * A callback scheduled with `callSoon`. Cancelling it before it runs means it never runs.
 *
 * @asyncio `asyncio.Handle`
 */
export class Handle implements I.Handle {
  /** @internal */ _cancelled = false;
  /** @internal */ _callback: ((arg: any) => void) | null;
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
    if (!this._cancelled) {
      this._cancelled = true;
      this._callback = null;
      this._arg = undefined;
    }
  }

  /** True once `cancel()` was called. @asyncio `Handle.cancelled` */
  cancelled(): boolean {
    return this._cancelled;
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
    return `<Handle ${this._cancelled ? "cancelled" : describeCallback(this._callback)}>`;
  }
}

/**
 * A callback scheduled for a point in the loop's time with `callLater` or `callAt`.
 *
 * @asyncio `asyncio.TimerHandle`
 */
export class TimerHandle extends Handle implements I.TimerHandle {
  /** @internal */ _when: number;
  /** @internal Tie-breaker: equal deadlines run in the order they were scheduled. */ _seq: number;
  /** @internal True while the handle sits in the loop's timer heap. */ _scheduled = false;

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
    if (!this._cancelled) {
      // Lazy deletion: the heap drops the entry when it reaches the top (or on a rebuild).
      if (this._scheduled) this._loop._timerCancelled();
      super.cancel();
    }
  }

  override toString(): string {
    return `<TimerHandle when=${this._when} ${this._cancelled ? "cancelled" : describeCallback(this._callback)}>`;
  }
}

/** A short description of a callback for messages. */
export function describeCallback(callback: Function | null): string {
  if (callback === null) return "(none)";
  return callback.name ? `${callback.name}()` : "(anonymous function)";
}
