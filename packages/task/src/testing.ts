// Test helpers: runVirtual (a run on the virtual clock) and manualLoop (a loop driven by advance).
import type { Coroutine } from "@corio/interfaces";
import { EventLoop } from "@corio/loop";
import { type RunOptions, run, taskFactory } from "./run.js";

/**
 * Runs `main` under the virtual clock: time starts at 0 and jumps to the next timer whenever every
 * task waits, so tests of code that sleeps for minutes finish at once, in the same order.
 *
 * @example
 * it("times out after 5 s", () =>
 *   runVirtual(function* () {
 *     yield* sleep(5000);
 *     expect(getRunningLoop().time()).toBe(5000);
 *   }));
 */
export function runVirtual<T>(
  main: Coroutine<T> | (() => Coroutine<T>),
  options: Omit<RunOptions, "clock"> = {},
): Promise<T> {
  return run(main, { ...options, clock: "virtual" });
}

/**
 * A loop whose clock moves only when the test says so, with corio's tasks: create tasks with
 * `loop.createTask(coro)` and drive everything with `loop.advance(ms)`. Close it when done.
 *
 * @example
 * const loop = manualLoop();
 * const t = loop.createTask(work());
 * loop.advance(0);    // t ran up to its first wait
 * loop.advance(1000); // one second later
 * loop.close();
 */
export function manualLoop(options: { debug?: boolean } = {}): EventLoop {
  return new EventLoop({ clock: "manual", debug: options.debug ?? false, taskFactory });
}
