/**
 * TypeScript side of the real-clock scenarios (scenarios/subprocess/): runs a scenario's `main` with
 * `run(main)` on the real clock, as harness/run_real.py runs the Python side with `asyncio.run`, and
 * returns what it printed. `print` from trace.ts writes to `console.log` outside `runScenario`, so
 * the lines are collected there.
 */
import { type Coroutine, run } from "corio";
import { printedBy } from "./cpython-real.js";
import { ename, print } from "./trace.js";

/** Runs `main` on the real clock; resolves to the printed trace. */
export function runRealScenario(main: () => Coroutine<unknown>): Promise<string> {
  return printedBy(async () => {
    try {
      const result = await run(main, { setup: (loop) => loop.setExceptionHandler(() => {}) });
      if (result !== undefined) print("main returned", result);
    } catch (error) {
      print("main raised", ename(error));
    }
  });
}
