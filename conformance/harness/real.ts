/**
 * TypeScript side of the real-clock scenarios (scenarios/subprocess/): runs a scenario's `main` with
 * `run(main)` on the real clock, as harness/run_real.py runs the Python side with `asyncio.run`, and
 * returns what it printed. `print` from trace.ts writes to `console.log` outside `runScenario`, so
 * the lines are collected there.
 */
import { type Coroutine, run } from "corio";
import { ename, print } from "./trace.js";

/** Runs `main` on the real clock; resolves to the printed trace. */
export async function runRealScenario(main: () => Coroutine<unknown>): Promise<string> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
  };
  try {
    try {
      const result = await run(main, { setup: (loop) => loop.setExceptionHandler(() => {}) });
      if (result !== undefined) print("main returned", result);
    } catch (error) {
      print("main raised", ename(error));
    }
  } finally {
    console.log = log;
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
