// Runs one program in a fresh process and reads the JSON line it prints. JavaScript programs run
// under `node --expose-gc` (tsx strips the types), Python ones under CPython 3.13 when present.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Measurement, Params, Runtime, Workload } from "./workloads.js";

export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
const PROGRAMS = join(BENCH_DIR, "src", "programs");
const PYTHON_ENV = { ...process.env, PYENV_VERSION: "3.13.0" };

let pythonVersion: string | null | undefined;

/** "Python 3.13.x" when `PYENV_VERSION=3.13.0 python` is CPython 3.13, else null. */
export function cpythonVersion(): string | null {
  if (pythonVersion !== undefined) return pythonVersion;
  try {
    const out = execFileSync("python", ["--version"], { env: PYTHON_ENV, encoding: "utf8" }).trim();
    pythonVersion = out.startsWith("Python 3.13") ? out : null;
  } catch {
    pythonVersion = null;
  }
  return pythonVersion;
}

/** The program file of `runtime` for `workload`, or null if that runtime has none. */
export function programFile(workload: Workload, runtime: Runtime): string | null {
  const file = join(PROGRAMS, workload.dir, runtime === "cpython" ? "cpython.py" : `${runtime}.ts`);
  if (!existsSync(file)) return null;
  if (runtime === "cpython" && cpythonVersion() === null) return null;
  return file;
}

export type Outcome = { ok: true; m: Measurement } | { ok: false; error: string };

/** Runs one program once, in its own process; fails on a non-zero exit, bad output or timeout. */
export function runProgram(file: string, params: Params, timeoutMs: number): Promise<Outcome> {
  const isPython = file.endsWith(".py");
  const command = isPython ? "python" : process.execPath;
  const args = isPython
    ? [file, JSON.stringify(params)]
    : ["--expose-gc", "--import", "tsx", file, JSON.stringify(params)];
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: BENCH_DIR,
      env: isPython ? PYTHON_ENV : process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (signal !== null) {
        resolve({ ok: false, error: `killed (${signal}) after ${timeoutMs} ms` });
        return;
      }
      const line = stdout.trim().split("\n").pop() ?? "";
      if (code !== 0) {
        resolve({
          ok: false,
          error: `exit ${code}: ${stderr.trim().split("\n").slice(0, 3).join(" | ")}`,
        });
        return;
      }
      try {
        const m = JSON.parse(line) as Measurement;
        if (m.ok !== true || typeof m.ms !== "number") throw new Error("no measurement");
        resolve({ ok: true, m });
      } catch {
        resolve({ ok: false, error: `unreadable output: ${line.slice(0, 200)}` });
      }
    });
  });
}
