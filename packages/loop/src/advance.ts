// Driving a loop by hand: `loop.advance(ms)` runs iterations synchronously, jumping its clock from
// timer to timer, for manual and virtual clocks in tests.
import { type Clock, RuntimeError, setRunningLoop } from "@corio/interfaces";
import { runOnce } from "./driver.js";
import type { EventLoop } from "./loop.js";
import { checkDelay } from "./options.js";

// How many iterations `advance()` runs before it decides a callback reschedules itself forever.
const MAX_ADVANCE_ITERATIONS = 50_000_000;

/** `loop.advance(ms)`: runs every callback and timer due within `ms`, in order, then jumps. */
export function advance(loop: EventLoop, ms: number): void {
  checkDelay("advance(ms): ms", ms);
  if (ms < 0) throw new RangeError(`advance(ms): ms must not be negative, got ${ms}`);
  loop._checkClosed();
  const clock = loop._clock as Clock & { jumpTo?(time: number): void };
  if (clock.jumpTo === undefined) {
    throw new RuntimeError("advance() needs a virtual or manual clock (a Clock with jumpTo)");
  }
  if (loop._running) throw new RuntimeError("advance() cannot be called while the loop is running");
  const jumpTo = (time: number) => clock.jumpTo!(time);
  const target = clock.now() + ms;
  const previous = setRunningLoop(loop);
  loop._running = true;
  loop._inBatch = true;
  try {
    for (let n = 0; ; n++) {
      if (n > MAX_ADVANCE_ITERATIONS) {
        throw new RuntimeError("advance(): callbacks kept rescheduling themselves; giving up");
      }
      if (loop._ready.length === 0) {
        const next = loop._timers.peekLive();
        if (next === undefined || next.timerWhen > target) break;
        jumpTo(next.timerWhen);
      }
      runOnce(loop);
    }
    jumpTo(target);
  } finally {
    loop._inBatch = false;
    loop._running = false;
    loop._stopping = false;
    setRunningLoop(previous);
  }
}
