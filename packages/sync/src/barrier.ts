/**
 * How it works (asyncio 3.13): the barrier is a small state machine guarded by a condition.
 * FILLING: tasks arrive and wait; the one that makes `parties` switches to DRAINING and wakes
 * them all. DRAINING: the released tasks leave; newcomers wait until the last one has left, then
 * the barrier fills again. `reset()` with tasks inside switches to RESETTING (they get
 * `BrokenBarrierError`) and back to FILLING once they have left; `abort()` switches to BROKEN
 * until `reset()`.
 */
import type { Coroutine } from "@corio/interfaces";
import { Condition } from "./condition.js";
import { BrokenBarrierError } from "./errors.js";
import { describe } from "./loop-bound.js";

/**
 * The phases of a {@link Barrier}.
 *
 * @asyncio the private `_state` of `asyncio.Barrier` (`filling`, `draining`, `resetting`, `broken`)
 * @example
 * if (barrier.statistics().state === "broken") barrier.reset();
 */
export type BarrierState = "filling" | "draining" | "resetting" | "broken";

/**
 * What {@link Barrier.statistics} reports.
 *
 * @asyncio none: asyncio keeps its waiters private (`_waiters`)
 * @example
 * barrier.statistics(); // { parties: 3, waiting: 2, state: "filling", broken: false }
 */
export interface BarrierStatistics {
  /** How many tasks must call `wait()` to pass. */
  parties: number;
  /** Tasks waiting for the barrier to fill (0 unless filling). */
  waiting: number;
  /** The current phase. */
  state: BarrierState;
  /** True once aborted, until `reset()`. */
  broken: boolean;
}

/**
 * Makes a fixed number of tasks wait for each other: each `wait()` blocks until `parties` tasks
 * are waiting, then all of them pass at once. The barrier can be used again for the next round.
 *
 * @asyncio `asyncio.Barrier`
 * @throws {TypeError} if `parties` is not a number.
 * @throws {RangeError} if `parties` is not an integer of at least 1.
 * @example
 * const barrier = new Barrier(3);
 * function* worker(name: string) {
 *   yield* prepare(name);
 *   const index = yield* barrier.wait(); // all three continue together
 *   if (index === 0) console.log("everyone is ready");
 * }
 */
export class Barrier {
  /** @internal */ readonly _cond = new Condition();
  /** @internal */ readonly _parties: number;
  /** @internal */ _state: BarrierState = "filling";
  /** @internal */ _count = 0;

  constructor(parties: number) {
    if (typeof parties !== "number") {
      throw new TypeError(
        `new Barrier(parties): parties must be a number, got ${describe(parties)}`,
      );
    }
    if (!Number.isInteger(parties) || parties < 1) {
      throw new RangeError(
        `new Barrier(parties): parties must be an integer >= 1, got ${describe(parties)}`,
      );
    }
    this._parties = parties;
  }

  /**
   * How many tasks must call `wait()` to pass.
   *
   * @asyncio `Barrier.parties`
   * @example
   * new Barrier(3).parties; // 3
   */
  get parties(): number {
    return this._parties;
  }

  /**
   * Tasks waiting for the barrier to fill.
   *
   * @asyncio `Barrier.n_waiting`
   * @example
   * console.log(`${barrier.nWaiting}/${barrier.parties} arrived`);
   */
  get nWaiting(): number {
    return this._state === "filling" ? this._count : 0;
  }

  /**
   * True once aborted, until `reset()`.
   *
   * @asyncio `Barrier.broken`
   * @example
   * if (barrier.broken) yield* barrier.reset();
   */
  get broken(): boolean {
    return this._state === "broken";
  }

  /**
   * Waits until `parties` tasks are waiting, then returns a distinct index from 0 to
   * `parties - 1` (the order of arrival).
   *
   * @asyncio `Barrier.wait`
   * @throws {@link BrokenBarrierError} if the barrier is broken, or is aborted or reset while
   * this task waits.
   * @throws {@link CancelledError} if the waiting task is cancelled; the barrier stays usable.
   * @example
   * const index = yield* barrier.wait();
   */
  *wait(): Coroutine<number> {
    const cond = this._cond;
    yield* cond.acquire();
    try {
      yield* this._block();
      const index = this._count++;
      try {
        if (index + 1 === this._parties) this._release();
        else yield* this._wait();
        return index;
      } finally {
        this._count--;
        this._exit();
      }
    } finally {
      cond.release();
    }
  }

  /**
   * Puts the barrier back to its empty, filling state; tasks waiting on it get
   * {@link BrokenBarrierError}. Also repairs a broken barrier.
   *
   * @asyncio `Barrier.reset`
   * @throws {@link CancelledError} if the task is cancelled while waiting for the barrier's lock.
   * @example
   * yield* barrier.reset();
   */
  *reset(): Coroutine<void> {
    const cond = this._cond;
    yield* cond.acquire();
    try {
      if (this._count > 0) {
        if (this._state !== "resetting") this._state = "resetting";
      } else {
        this._state = "filling";
      }
      cond.notifyAll();
    } finally {
      cond.release();
    }
  }

  /**
   * Breaks the barrier: tasks waiting on it, and every later `wait()`, get
   * {@link BrokenBarrierError} until `reset()`. Useful when one party fails.
   *
   * @asyncio `Barrier.abort`
   * @throws {@link CancelledError} if the task is cancelled while waiting for the barrier's lock.
   * @example
   * yield* barrier.abort();
   */
  *abort(): Coroutine<void> {
    const cond = this._cond;
    yield* cond.acquire();
    try {
      this._state = "broken";
      cond.notifyAll();
    } finally {
      cond.release();
    }
  }

  /**
   * The size, who waits, and the phase.
   *
   * @example
   * barrier.statistics(); // { parties: 3, waiting: 2, state: "filling", broken: false }
   */
  statistics(): BarrierStatistics {
    return {
      parties: this._parties,
      waiting: this.nWaiting,
      state: this._state,
      broken: this.broken,
    };
  }

  /** @internal Waits while the barrier drains or resets; fails if it is broken. */
  private *_block(): Coroutine<void> {
    yield* this._cond.waitFor(() => this._state !== "draining" && this._state !== "resetting");
    if (this._state === "broken") throw new BrokenBarrierError("Barrier aborted");
  }

  /** @internal The last party arrived: let everyone through. */
  private _release(): void {
    this._state = "draining";
    this._cond.notifyAll();
  }

  /** @internal Waits for the barrier to fill; fails if it is reset or broken meanwhile. */
  private *_wait(): Coroutine<void> {
    yield* this._cond.waitFor(() => this._state !== "filling");
    if (this._state === "broken" || this._state === "resetting") {
      throw new BrokenBarrierError("Abort or reset of barrier");
    }
  }

  /** @internal The last task out ends the draining or resetting phase. */
  private _exit(): void {
    if (this._count === 0) {
      if (this._state === "resetting" || this._state === "draining") this._state = "filling";
      this._cond.notifyAll();
    }
  }

  toString(): string {
    const extra = this.broken ? "" : `, waiters:${this.nWaiting}/${this._parties}`;
    return `<Barrier [${this._state}${extra}]>`;
  }
}
