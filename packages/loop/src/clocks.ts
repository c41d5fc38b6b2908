/**
 * The loop's clocks: real, virtual (autojumping, optionally paced) and manual, each an object with
 * the `Clock` contract of `@corio/interfaces`, and the mapping from the `clock` option's strings.
 */
import { type Clock, describeValue } from "@corio/interfaces";
import { realNow } from "./host.js";

/** The `clock` option's names for the built-in clocks. */
export type ClockKind = "real" | "virtual" | "manual";

/**
 * Follows `performance.now()`, counted from the clock's creation (so a new loop's time starts near
 * 0), optionally `scale` times faster than real time.
 *
 * @example
 * const loop = new EventLoop({ clock: new RealClock(10) }); // sleep(1000) takes 100 ms
 */
export class RealClock implements Clock {
  /** Which built-in clock this is. */
  readonly kind = "real";
  private readonly origin = realNow();

  /** @param scale - loop milliseconds per real millisecond; default 1. */
  constructor(private readonly scale = 1) {
    checkScale("RealClock(scale): scale", scale);
  }

  now(): number {
    return (realNow() - this.origin) * this.scale;
  }

  deadlineToSleepTime(deadline: number): number {
    return (deadline - this.now()) / this.scale;
  }
}

/**
 * Moves only when told to: `jumpTo(time)`, which `loop.advance(ms)` calls. A loop with this clock is
 * driven by `advance`, never by the host.
 *
 * @example
 * const loop = new EventLoop({ clock: new ManualClock() });
 * loop.callLater(10, () => console.log("t=10"));
 * loop.advance(10); // prints "t=10"
 */
export class ManualClock implements Clock {
  /** Which built-in clock this is. */
  readonly kind: ClockKind = "manual";
  private time = 0;

  now(): number {
    return this.time;
  }

  deadlineToSleepTime(deadline: number): number {
    return deadline <= this.time ? 0 : Number.POSITIVE_INFINITY;
  }

  jumpTo(time: number): void {
    if (time > this.time) this.time = time;
  }
}

/**
 * Starts at 0 and jumps straight to the next timer whenever nothing is ready and nothing outside
 * the loop is pending, so a program that sleeps for an hour runs in microseconds with the same
 * order of events. With `pace`, each jump first waits `gap / pace` real milliseconds, so a run can
 * be watched as it happens (the docs' Run buttons) with exactly the output of an unpaced one.
 *
 * @example
 * const loop = new EventLoop({ clock: new VirtualClock() });
 */
export class VirtualClock extends ManualClock {
  override readonly kind: ClockKind = "virtual";

  /** @param pace - loop milliseconds per real millisecond while jumping; default: no pacing. */
  constructor(private readonly pace?: number) {
    super();
    if (pace !== undefined) checkScale("VirtualClock(pace): pace", pace);
  }

  autojumpDelay(gap: number): number {
    return this.pace === undefined ? 0 : gap / this.pace;
  }
}

function checkScale(name: string, value: unknown): void {
  if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a positive finite number, got ${describeValue(value)}`);
  }
}

/**
 * The clock for the `clock` and `timeScale` options of a loop: a built-in one by name, or the
 * caller's own object after checking its shape.
 */
export function clockFromOptions(clock: unknown, timeScale: number | undefined): Clock {
  if (timeScale !== undefined) checkScale("options.timeScale", timeScale);
  if (clock === undefined || clock === "real") return new RealClock(timeScale);
  if (clock === "virtual") return new VirtualClock(timeScale);
  if (clock === "manual") return new ManualClock();
  if (typeof clock !== "object" || clock === null) {
    throw new TypeError(
      `options.clock must be "real", "virtual", "manual" or a Clock object, got ${describeValue(clock)}`,
    );
  }
  const c = clock as Partial<Clock>;
  if (typeof c.now !== "function" || typeof c.deadlineToSleepTime !== "function") {
    throw new TypeError(
      "options.clock: a Clock object needs now() and deadlineToSleepTime(deadline) methods",
    );
  }
  if (c.autojumpDelay !== undefined && typeof c.jumpTo !== "function") {
    throw new TypeError("options.clock: a Clock with autojumpDelay() needs a jumpTo(time) method");
  }
  if (timeScale !== undefined) {
    throw new TypeError(
      "options.timeScale applies to the built-in clocks; give your own Clock object its own rate",
    );
  }
  return c as Clock;
}

/**
 * Whether `clock` never reaches a later deadline by itself and never autojumps (a manual clock):
 * only `advance` moves it.
 */
export function movesOnlyByHand(clock: Clock): boolean {
  const gap = 1;
  return (
    clock.deadlineToSleepTime(clock.now() + gap) === Number.POSITIVE_INFINITY &&
    !((clock.autojumpDelay?.(gap) ?? Number.POSITIVE_INFINITY) < Number.POSITIVE_INFINITY)
  );
}
