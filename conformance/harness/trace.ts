/**
 * TypeScript side of the conformance harness: `print` formats values the way Python's `print`
 * does, and `runScenario` runs a scenario's `main` under corio's virtual clock and returns the
 * trace it printed (the same text `harness/run.py` captures on the Python side).
 */
import { type Coroutine, getRunningLoop, run } from "corio";

let sink: string[] | null = null;

/** An error class with the name Python gives its builtin `ValueError`. */
export class ValueError extends Error {
  constructor(message?: string) {
    super(message);
    this.name = "ValueError";
  }
}

/** An error class with the name Python gives its builtin `KeyError`. */
export class KeyError extends Error {
  constructor(message?: string) {
    super(message);
    this.name = "KeyError";
  }
}

function repr(value: unknown): string {
  if (typeof value === "string") return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  return str(value);
}

/** Python's `str()` for the values scenarios print. */
function str(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return `[${value.map(repr).join(", ")}]`;
  if (value instanceof Set) {
    return value.size === 0 ? "set()" : `{${[...value].map(repr).join(", ")}}`;
  }
  if (value instanceof Error) return value.message;
  return String(value);
}

/** Prints one trace line: the arguments as Python's `print(*args)` would show them. */
export function print(...args: unknown[]): void {
  const line = args.map(str).join(" ");
  if (sink !== null) sink.push(line);
  else console.log(line);
}

/** Loop time in whole milliseconds. */
export function now(): number {
  return Math.round(getRunningLoop().time());
}

/** The error's class name: the part of an error both sides spell the same. */
export function ename(error: unknown): string {
  if (error instanceof Error) return error.name;
  return typeof error;
}

/** A result as the trace prints it: an error becomes its class name. */
export function show(value: unknown): unknown {
  return value instanceof Error ? ename(value) : value;
}

/** A scenario module: its default export is the `main` coroutine function. */
export interface ScenarioModule {
  default: () => Coroutine<unknown>;
  /** Set when the scenario shows a known bug: the test expects the traces to differ. */
  knownIssue?: string;
  /** Deviations only: the trace corio prints, which differs from CPython's on purpose. */
  expected?: string;
}

/**
 * Errors reported to the loop's exception handler by the last scenario run ("Task exception was
 * never retrieved"...). asyncio reports them when the task is garbage-collected, corio when the
 * loop closes, so they stay out of the trace; a scenario that wants them installs its own handler.
 */
export const unhandled: string[] = [];

/** Runs `main` with `run(main, { clock: "virtual" })`; resolves to the printed trace. */
export async function runScenario(main: () => Coroutine<unknown>): Promise<string> {
  const lines: string[] = [];
  const previous = sink;
  sink = lines;
  unhandled.length = 0;
  try {
    try {
      const result = await run(main, {
        clock: "virtual",
        setup: (loop) => loop.setExceptionHandler((_loop, ctx) => unhandled.push(ctx.message)),
      });
      if (result !== undefined) print("main returned", result);
    } catch (error) {
      print("main raised", ename(error));
    }
  } finally {
    sink = previous;
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
