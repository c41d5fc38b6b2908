import type { Coroutine } from "@corio/interfaces";
import { type RunOptions, run } from "./run.js";

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
