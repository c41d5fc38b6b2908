/**
 * The clock contract: how a loop reads time and waits for its next timer.
 *
 * How it works: a loop asks its clock two things. `now()` is the loop's time, and
 * `deadlineToSleepTime(deadline)` says how many real milliseconds the loop should let the host run
 * before the timer due at `deadline` comes due (it then sets one host timer for that long). A clock
 * that can jump (a test clock) also offers `jumpTo(time)`, used by `loop.advance(ms)`, and a clock
 * that jumps by itself offers `autojumpDelay(gap)`: once nothing is ready and nothing outside the
 * loop is pending, the loop waits that long in real time, then jumps the clock to the next timer.
 * A clock is a plain object, so a test can bring its own (a clock running at a rate, with an
 * autojump threshold), as trio's `MockClock` does.
 */

/**
 * Where an event loop's time comes from, and how long it waits for a deadline.
 *
 * `@corio/loop` has three: `RealClock` (`performance.now()`, optionally sped up), `VirtualClock`
 * (starts at 0, jumps to the next timer whenever every task waits) and `ManualClock` (moves only
 * with `loop.advance(ms)`). Pass any object with this shape as the loop's `clock` option.
 *
 * @asyncio no counterpart (asyncio reads `time.monotonic()`); trio's `abc.Clock`
 * @example
 * // A clock running at `rate` times real time that also jumps after 5 ms of idleness.
 * class FastClock implements Clock {
 *   private base = 0;
 *   private since = performance.now();
 *   constructor(private readonly rate: number) {}
 *   now() { return this.base + (performance.now() - this.since) * this.rate; }
 *   deadlineToSleepTime(deadline: number) { return (deadline - this.now()) / this.rate; }
 *   autojumpDelay() { return 5; }
 *   jumpTo(time: number) {
 *     if (time > this.now()) { this.base = time; this.since = performance.now(); }
 *   }
 * }
 * const loop = new EventLoop({ clock: new FastClock(10), taskFactory });
 */
export interface Clock {
  /** The current loop time in milliseconds. It never goes back. */
  now(): number;
  /**
   * How many real milliseconds from now until the clock reaches `deadline` (loop time) if nothing
   * else moves it: 0 or less once it is reached, `Infinity` if the clock never gets there by itself
   * (a virtual or manual clock).
   *
   * @asyncio trio's `Clock.deadline_to_sleep_time`
   */
  deadlineToSleepTime(deadline: number): number;
  /**
   * For clocks that jump by themselves: once the loop has nothing ready and nothing outside it
   * pending, how many real milliseconds it stays idle before it jumps the clock `gap` ms ahead to
   * its next timer. 0 jumps at once (a virtual clock); a constant is trio's `autojump_threshold`;
   * `gap / scale` paces a virtual run. Leave it out for a clock that never jumps by itself.
   */
  autojumpDelay?(gap: number): number;
  /**
   * Moves the clock forward to `time`; a time not after `now()` leaves it where it is. Afterwards
   * `now()` returns at least `time`. Required for `loop.advance(ms)` and for autojumping.
   *
   * @asyncio trio's `MockClock.jump` (which takes a relative amount)
   */
  jumpTo?(time: number): void;
}
