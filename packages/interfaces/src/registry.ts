/** The running-loop registry: which loop runs the current callback, one slot per process. */
import { RuntimeError } from "./errors.js";
import type { EventLoopLike } from "./loop.js";

// The registry lives on globalThis under a registered symbol, so that two copies of this package
// (a bundled one and an installed one) agree on which loop is running.
const KEY = Symbol.for("@corio/interfaces/runningLoop");
type Slot = { loop: EventLoopLike | null };
const slot: Slot = ((globalThis as Record<symbol, Slot | undefined>)[KEY] ??= { loop: null });

/**
 * The loop that is running the current callback or task step, or `null`.
 *
 * @asyncio `asyncio._get_running_loop`
 * @example
 * if (getRunningLoopOrNull() === null) console.log("not inside corio");
 */
export function getRunningLoopOrNull(): EventLoopLike | null {
  return slot.loop;
}

/**
 * The loop that is running the current callback or task step.
 *
 * @asyncio `asyncio.get_running_loop`
 * @throws {@link RuntimeError} when called outside a loop (for example from a promise callback).
 * @example
 * const loop = getRunningLoop();
 * loop.callLater(1000, () => console.log("a second later"));
 */
export function getRunningLoop(): EventLoopLike {
  const loop = slot.loop;
  if (loop === null) {
    throw new RuntimeError(
      "no running event loop: call this from a coroutine driven by run() or createTask()",
    );
  }
  return loop;
}

/**
 * Sets the running loop; returns the previous one. For loop implementations only.
 *
 * @asyncio `asyncio._set_running_loop`
 *
 * @example
 * const previous = setRunningLoop(loop); // entering the loop's run
 * try {
 *   step();
 * } finally {
 *   setRunningLoop(previous);
 * }
 */
export function setRunningLoop(loop: EventLoopLike | null): EventLoopLike | null {
  const previous = slot.loop;
  slot.loop = loop;
  return previous;
}
