import { RuntimeError } from "./errors.js";
import type { EventLoop } from "./loop.js";

// The registry lives on globalThis under a registered symbol, so that two copies of this package
// (a bundled one and an installed one) agree on which loop is running.
const KEY = Symbol.for("@corio/interfaces/runningLoop");
type Slot = { loop: EventLoop | null };
const slot: Slot = ((globalThis as Record<symbol, Slot | undefined>)[KEY] ??= { loop: null });

/**
 * The loop that is running the current callback or task step, or `null`.
 *
 * @asyncio `asyncio._get_running_loop`
 * @example
 * if (getRunningLoopOrNull() === null) console.log("not inside corio");
 */
export function getRunningLoopOrNull(): EventLoop | null {
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
export function getRunningLoop(): EventLoop {
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
export function setRunningLoop(loop: EventLoop | null): EventLoop | null {
  const previous = slot.loop;
  slot.loop = loop;
  return previous;
}
