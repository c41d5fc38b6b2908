/**
 * The Python half of the real-clock suites (io/, scenarios/subprocess/, scenarios/runner/): finds
 * an area's scenarios and runs their Python sides with harness/run_real.py under CPython 3.13, in
 * one process, before the TypeScript sides run one by one. A missing or wrong CPython is never a
 * skip: the suite records why, and every scenario fails with that reason.
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The conformance folder: scenario names are paths below it, without extension. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

const PYTHON_ENV = { ...process.env, PYENV_VERSION: "3.13.0" };

/**
 * The scenarios of `area` (a folder below ROOT), one per `.ts` file, sorted; with `nested`, those
 * of its sub-folders too (io/streams/..., io/subprocess/...).
 */
export function scenarioNames(area: string, nested = false): string[] {
  const files = nested
    ? readdirSync(join(ROOT, area), { recursive: true, encoding: "utf8" })
    : readdirSync(join(ROOT, area));
  return files
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `${area}/${f.replace(/\\/g, "/").slice(0, -3)}`)
    .sort();
}

/** The Python sides' traces by scenario name, or why there are none. */
export interface PythonTraces {
  traces: Record<string, string>;
  problem: string | null;
}

/** Runs the Python side of every scenario in `names` on asyncio's own loop (run_real.py). */
export function pythonRealTraces(names: string[]): PythonTraces {
  try {
    const version = execFileSync(
      "python",
      ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
      { env: PYTHON_ENV, encoding: "utf8" },
    ).trim();
    if (version !== "3.13") {
      return {
        traces: {},
        problem: `conformance needs CPython 3.13, but \`PYENV_VERSION=3.13.0 python\` is ${version}`,
      };
    }
    const out = execFileSync(
      "python",
      ["harness/run_real.py", "--json", ...names.map((n) => `${n}.py`)],
      { cwd: ROOT, env: PYTHON_ENV, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    const parsed = JSON.parse(out) as Record<string, string>;
    return {
      traces: Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k.slice(0, -3), v])),
      problem: null,
    };
  } catch (error) {
    return {
      traces: {},
      problem: `conformance needs CPython 3.13 as \`PYENV_VERSION=3.13.0 python\`, which failed: ${String(error)}`,
    };
  }
}

/** Runs `body` and returns what it wrote with `console.log`, one line per call. */
export async function printedBy(body: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
  };
  try {
    await body();
  } finally {
    console.log = log;
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
