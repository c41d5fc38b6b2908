/**
 * The host driver: how a loop runs inside the host's own event loop (Node or a browser).
 *
 * How it works: `runBatch` runs loop iterations (`runOnce`) back to back until nothing is ready. Then the loop
 * is idle, and the clock decides what happens next: a timer already due runs at once; a clock that
 * autojumps (virtual) jumps to the next timer, at once or after its real-time delay (pacing, or a
 * test clock's autojump threshold); otherwise one host timer is armed for the real time until the
 * next deadline, and a clock that never gets there by itself (virtual while something outside the
 * loop is pending) waits for that outside work to wake the loop. A batch that runs long gives the
 * host a turn every few milliseconds, so I/O and promise callbacks are never starved, and an idle
 * loop holds nothing but one host timer.
 */
import {
  DeadlockError,
  type FutureLike,
  getRunningLoopOrNull,
  RuntimeError,
  setRunningLoop,
  type TimerEntry,
} from "@corio/interfaces";
import { movesOnlyByHand } from "./clocks.js";
import { realNow, scheduleImmediate, viaMicrotask } from "./host.js";
import type { EventLoop } from "./loop.js";

/**
 * One iteration, asyncio's `_run_once`: every timer that is due joins the ready queue (after the
 * callbacks already there), then exactly the callbacks ready at that point run; whatever they
 * schedule waits for the next iteration.
 */
export function runOnce(loop: EventLoop): void {
  const timers = loop._timers;
  if (timers.size > 0) {
    timers.compactIfMostlyCancelled();
    const now = loop.time();
    const ready = loop._ready;
    for (let due = timers.takeDue(now); due !== undefined; due = timers.takeDue(now)) {
      ready.push(runTimer, due);
    }
  }
  const ready = loop._ready;
  let ntodo = ready.length;
  if (loop._debug) {
    while (ntodo-- > 0) {
      const t0 = realNow();
      ready.runFirst();
      const dt = realNow() - t0;
      if (dt >= loop._slow) {
        console.warn(
          `corio: a callback took ${dt.toFixed(1)} ms (slowCallbackDuration is ${loop._slow} ms)`,
        );
      }
    }
  } else {
    while (ntodo-- > 0) ready.runFirst();
  }
}

function runTimer(timer: TimerEntry): void {
  timer.runTimer();
}

// The longest delay hosts accept for one timer (a signed 32-bit number of milliseconds).
const MAX_HOST_DELAY = 2 ** 31 - 1;

export class HostDriver {
  /** A batch is queued with the host (an immediate); no need to queue another. */
  private wakeScheduled = false;
  private hostTimer: ReturnType<typeof setTimeout> | null = null;
  /** The deadline the armed host timer waits for, if it is an autojump's real-time delay. */
  private jumpPending = Number.NEGATIVE_INFINITY;
  /** Autojumps to deadlines up to this loop time have waited their real-time delay. */
  private jumpAllowedTo = Number.NEGATIVE_INFINITY;
  /** What the host calls to run a batch (see `viaMicrotask` for why through a microtask). */
  private readonly runBatchBound = viaMicrotask(() => this.runBatch());
  private readonly onHostTimer = () => {
    this.hostTimer = null;
    if (this.jumpPending > this.jumpAllowedTo) this.jumpAllowedTo = this.jumpPending;
    this.runBatchBound();
  };

  /** The future `runUntilComplete` waits for, and how to settle its promise. */
  private main: FutureLike<unknown> | null = null;
  private settle: ((error: unknown, failed: boolean) => void) | null = null;

  constructor(
    private readonly loop: EventLoop,
    /** How long (ms, real time) a batch may run before the host gets a turn. */
    private readonly budget: number,
  ) {}

  /** True while a host timer is armed to wake the loop. */
  get hostTimerArmed(): boolean {
    return this.hostTimer !== null;
  }

  /** `loop.runUntilComplete(future)`: runs batches until `future` is done. */
  run<T>(future: FutureLike<T>): Promise<T> {
    const loop = this.loop;
    if (loop._running) throw new RuntimeError("This event loop is already running");
    if (movesOnlyByHand(loop._clock)) {
      throw new RuntimeError(
        "a loop with a manual clock (one that never moves by itself) is driven by advance(ms), not runUntilComplete()",
      );
    }
    if (getRunningLoopOrNull() !== null) {
      throw new RuntimeError("Cannot run the event loop while another loop is running");
    }
    return new Promise<T>((resolve, reject) => {
      loop._running = true;
      loop._stopping = false;
      this.main = future;
      this.settle = (error, failed) => {
        loop._running = false;
        this.settle = null;
        this.main = null;
        this.clearHostTimer();
        if (failed) reject(error);
        else {
          try {
            resolve(future.result());
          } catch (e) {
            reject(e);
          }
        }
      };
      if (future.done()) loop._stopping = true;
      else future.addDoneCallback(() => loop.stop());
      this.runBatch();
    });
  }

  /** Runs iterations until the loop stops, runs dry, or has used its time budget. */
  runBatch(): void {
    this.wakeScheduled = false;
    this.clearHostTimer();
    const loop = this.loop;
    if (!loop._running || loop._closed) return;
    const previous = setRunningLoop(loop);
    loop._inBatch = true;
    const started = realNow();
    try {
      for (let n = 1; ; n++) {
        runOnce(loop);
        if (loop._stopping) {
          loop._stopping = false;
          this.finish(undefined, false);
          return;
        }
        if (loop._ready.length === 0 && !this.idle()) return;
        if ((n & 15) === 0 && realNow() - started >= this.budget) {
          this.wakeScheduled = true;
          scheduleImmediate(this.runBatchBound);
          return;
        }
      }
    } catch (error) {
      // A failure of the loop itself (not of a callback: those go to the exception handler).
      this.finish(error, true);
    } finally {
      loop._inBatch = false;
      setRunningLoop(previous);
    }
  }

  /**
   * Nothing is ready. Returns true to run another iteration now (a timer is due, or the clock
   * jumped to it); false once the loop will be woken later (a host timer, or work from outside),
   * or was found deadlocked.
   */
  private idle(): boolean {
    const loop = this.loop;
    const next = loop._timers.peekLive();
    if (next === undefined) {
      if (loop._outside.pending === 0) this.deadlock();
      return false; // something outside will wake us
    }
    const clock = loop._clock;
    const deadline = next.timerWhen;
    const sleep = clock.deadlineToSleepTime(deadline);
    if (sleep <= 0) return true;
    // A clock jumps only while nothing outside the loop may still schedule work.
    if (clock.autojumpDelay !== undefined && loop._outside.pending === 0) {
      if (deadline <= this.jumpAllowedTo) {
        clock.jumpTo!(deadline);
        return true;
      }
      const delay = clock.autojumpDelay(deadline - clock.now());
      if (delay <= 0) {
        clock.jumpTo!(deadline);
        return true;
      }
      if (delay < sleep) {
        this.armHostTimer(delay, deadline);
        return false;
      }
    }
    if (sleep !== Number.POSITIVE_INFINITY) this.armHostTimer(sleep, Number.NEGATIVE_INFINITY);
    return false;
  }

  /**
   * Wakes the loop after `ms` of real time; reaching it allows the autojump to `jumpTo`. Hosts keep
   * delays in 32 bits (Node warns and fires a longer one after 1 ms), so a longer wait is armed in
   * steps of at most 2^31-1 ms: the loop wakes, finds nothing due and arms the rest.
   */
  private armHostTimer(ms: number, jumpTo: number): void {
    const clamped = ms > MAX_HOST_DELAY;
    this.jumpPending = clamped ? Number.NEGATIVE_INFINITY : jumpTo;
    this.hostTimer = setTimeout(
      this.onHostTimer,
      clamped ? MAX_HOST_DELAY : Math.max(1, Math.ceil(ms)),
    );
  }

  /** Settles the promise of `run`. */
  private finish(error: unknown, failed: boolean): void {
    const settle = this.settle;
    if (settle !== null) settle(error, failed);
  }

  /** Nothing can ever run again while the main future is pending: rejects with `DeadlockError`. */
  private deadlock(): void {
    const main = this.main;
    if (main === null || main.done()) return;
    if (this.loop._waitsForSignal()) return; // a signal can still wake it (see signals.ts)
    this.finish(
      new DeadlockError(
        `deadlock: no task can make progress (nothing ready, no timer, nothing outside the loop pending) and the main task is not done\n${this.loop.formatTasks()}`,
      ),
      true,
    );
  }

  /** Makes sure a batch runs soon; for work that arrives from outside a batch. */
  wake(): void {
    if (!this.loop._running || this.wakeScheduled) return;
    this.wakeScheduled = true;
    this.clearHostTimer();
    scheduleImmediate(this.runBatchBound);
  }

  clearHostTimer(): void {
    if (this.hostTimer !== null) {
      clearTimeout(this.hostTimer);
      this.hostTimer = null;
    }
  }
}
