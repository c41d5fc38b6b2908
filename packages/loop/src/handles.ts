// Handles: what `callSoon`, `callLater` and `callAt` return. A `TimerHandle` is also an entry of the
// loop's timer queue (the `TimerEntry` contract of `@corio/interfaces`).
import type { HandleLike, TimerEntry, TimerHandleLike } from "@corio/interfaces";
import { type Context, contextSlot } from "./context.js";
import type { EventLoop } from "./loop.js";

/**
 * A callback scheduled with `callSoon`. Cancelling it before it runs means it never runs.
 *
 * @asyncio `asyncio.Handle`
 */
export class Handle implements HandleLike {
  // A handle is cancelled exactly when its callback is null (cancelling drops the callback, and
  // nothing else does), so no separate flag is kept: with a million timers every field counts.
  /** @internal The callback, or null once cancelled. */ callback: (() => void) | null;
  /**
   * @internal The context the callback runs in (a copy taken at scheduling, or the one given);
   * null for an empty one, made only if the callback sets a variable (see context.ts).
   */
  ctx: Context | null;
  /** @internal */ _loop: EventLoop;

  /** @internal */
  constructor(loop: EventLoop, callback: () => void, ctx: Context | null) {
    this._loop = loop;
    this.callback = callback;
    this.ctx = ctx;
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
    if (this.callback !== null) {
      this.callback = null;
      this.ctx = null;
    }
  }

  /** True once `cancel()` was called. @asyncio `Handle.cancelled` */
  cancelled(): boolean {
    return this.callback === null;
  }

  /** @internal Runs the callback unless cancelled; errors go to the loop's exception handler. */
  _run(): void {
    const callback = this.callback;
    if (callback === null) return;
    const slot = contextSlot;
    const previous = slot.current;
    slot.current = this; // the callback runs in the handle's context
    try {
      callback();
    } catch (error) {
      this._loop.callExceptionHandler({
        message: `Exception in callback ${describeCallback(callback)}`,
        exception: error,
        handle: this,
      });
    } finally {
      slot.current = previous;
    }
    const hooks = this._loop._hooks;
    if (hooks !== null && hooks.callbackRan !== undefined) hooks.callbackRan(callback);
  }

  toString(): string {
    return `<Handle ${this.callback === null ? "cancelled" : describeCallback(this.callback)}>`;
  }
}

/**
 * A callback scheduled for a point in the loop's time with `callLater` or `callAt`.
 *
 * @asyncio `asyncio.TimerHandle`
 */
export class TimerHandle extends Handle implements TimerHandleLike {
  /** @internal */ timerWhen: number;
  /**
   * @internal Tie-breaker: equal deadlines run in the order they were scheduled. The queue sets it
   * to -1 when the handle leaves it, so it also says whether the handle is queued (one field
   * instead of two, for the same reason as in `Handle`).
   */
  timerSeq: number;
  /** @internal The next timer with the same delay, while queued (see `TimerQueue`). */
  timerNext: TimerEntry | null = null;

  /** @internal */
  constructor(
    loop: EventLoop,
    when: number,
    seq: number,
    callback: () => void,
    ctx: Context | null,
  ) {
    super(loop, callback, ctx);
    this.timerWhen = when;
    this.timerSeq = seq;
  }

  /** The loop time (ms) at which the callback is due. @asyncio `TimerHandle.when` */
  when(): number {
    return this.timerWhen;
  }

  override cancel(): void {
    if (this.callback === null) return;
    // Lazy deletion: the queue drops the entry when it reaches the front (or when it compacts).
    this._loop._timers.cancel(this);
    this.ctx = null;
  }

  /** @internal The timer queue's entry point: runs the callback once the handle is due. */
  runTimer(): void {
    this._run();
  }

  override toString(): string {
    return `<TimerHandle when=${this.timerWhen} ${this.callback === null ? "cancelled" : describeCallback(this.callback)}>`;
  }
}

/** @internal A short description of a callback for messages. */
export function describeCallback(callback: Function | null): string {
  if (callback === null) return "(none)";
  return callback.name ? `${callback.name}()` : "(anonymous function)";
}
