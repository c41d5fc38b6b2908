// The loop's options and statistics types, and the argument checks its public methods share.
import { type Clock, describeValue, type TaskFactory } from "@corio/interfaces";
import type { ClockKind } from "./clocks.js";

/** Options for `EventLoop`. */
export interface EventLoopOptions {
  /**
   * `"real"` (default) follows `performance.now()`. `"virtual"` starts at 0 and jumps straight to
   * the next timer whenever nothing is ready and nothing outside the loop is pending. `"manual"`
   * moves only when a test calls `advance(ms)`. Or pass a `Clock` object of your own.
   */
  clock?: ClockKind | Clock;
  /** Debug mode: reports slow callbacks and records where each task was created. */
  debug?: boolean;
  /** In debug mode, callbacks that run longer than this (ms, real time) are reported. Default 100. */
  slowCallbackDuration?: number;
  /** Makes the loop's tasks; `run()` from `@corio/task` passes corio's `Task`. */
  taskFactory?: TaskFactory | null;
  /** How long (ms, real time) a batch may run before the host gets a turn. Default 8. */
  batchBudget?: number;
  /**
   * How many loop milliseconds pass per real millisecond, for the built-in clocks. On a real
   * clock, `10` makes `sleep(1000)` take 100 ms of wall time. On a virtual clock it turns on
   * pacing: time still jumps from timer to timer (so output and order are exactly those of an
   * unpaced run), but each jump waits `gap / timeScale` real milliseconds first — what the docs'
   * Run buttons use to show a run as it happens. Default: 1 for a real clock, no pacing for a
   * virtual one.
   */
  timeScale?: number;
}

/** What `EventLoop.statistics()` reports. */
export interface LoopStatistics {
  /** Callbacks queued for the next iteration. */
  ready: number;
  /** Live (not cancelled) timers. */
  timers: number;
  /** Cancelled timers still in the heap, waiting to be dropped. */
  cancelledTimers: number;
  /** Tasks not done yet. */
  tasks: number;
  /** Outside operations registered with `trackExternal` and not released. */
  external: number;
  /** True while a host timer (setTimeout) is armed to wake the loop. */
  hostTimerArmed: boolean;
}

/** Checks a delay or a time: a finite number of milliseconds. */
export function checkDelay(name: string, value: unknown): number {
  if (typeof value !== "number") {
    throw new TypeError(`${name} must be a number of milliseconds, got ${describeValue(value)}`);
  }
  if (!Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number of milliseconds, got ${value}`);
  }
  return value;
}

/** Checks a callback; `orElse` words what else is accepted (" or null"). */
export function checkCallback(name: string, value: unknown, orElse = ""): void {
  if (typeof value !== "function") {
    throw new TypeError(`${name} must be a function${orElse}, got ${describeValue(value)}`);
  }
}
