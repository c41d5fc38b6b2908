// The real-I/O scenarios (io/<area>/*.{py,ts}): sockets need real waiting, so here CPython runs
// each scenario with plain asyncio.run (default loop, real clock) and corio with run() on the
// real clock; the traces print nothing that depends on timing and must be identical.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Coroutine, run } from "corio";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ename } from "../harness/trace.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pythonEnv = { ...process.env, PYENV_VERSION: "3.13.0" };

const scenarios = readdirSync(join(root, "io"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(root, "io", d.name))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => `io/${d.name}/${f.slice(0, -3)}`),
  )
  .sort();

let pyTraces: Record<string, string> = {};
let pythonProblem: string | null = null;

beforeAll(() => {
  // Never skip: a missing CPython 3.13 fails every case with the reason.
  try {
    const out = execFileSync(
      "python",
      ["harness/run_real.py", "--json", ...scenarios.map((s) => `${s}.py`)],
      { cwd: root, env: pythonEnv, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
    );
    const version = execFileSync("python", ["-c", "import sys; print(sys.version_info[:2])"], {
      env: pythonEnv,
      encoding: "utf8",
    }).trim();
    if (version !== "(3, 13)") pythonProblem = `needs CPython 3.13, got ${version}`;
    const parsed = JSON.parse(out) as Record<string, string>;
    pyTraces = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k.slice(0, -3), v]));
  } catch (error) {
    pythonProblem = `the I/O conformance suite needs CPython 3.13 as \`PYENV_VERSION=3.13.0 python\`: ${String(error)}`;
  }
}, 60_000);

/** Runs a scenario's main on the real clock and returns what it printed. */
async function runIo(main: () => Coroutine<unknown>): Promise<string> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
  });
  try {
    const result = await run(main);
    if (result !== undefined) lines.push(`main returned ${String(result)}`);
  } catch (error) {
    lines.push(`main raised ${ename(error)}`);
  } finally {
    spy.mockRestore();
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

describe("real-I/O conformance with CPython 3.13 asyncio", () => {
  it("has at least 8 stream scenarios, each with a Python side", () => {
    expect(scenarios.filter((s) => s.startsWith("io/streams/")).length).toBeGreaterThanOrEqual(8);
    const py = readdirSync(join(root, "io"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".py"))
      .map((f) => `io/${f.replace(/\\/g, "/").slice(0, -3)}`)
      .sort();
    expect(py).toEqual(scenarios);
  });

  for (const name of scenarios) {
    it(name.slice("io/".length), async () => {
      if (pythonProblem !== null) throw new Error(pythonProblem);
      const mod = (await import(pathToFileURL(join(root, `${name}.ts`)).href)) as {
        default: () => Coroutine<unknown>;
      };
      const py = pyTraces[name];
      expect(py?.trim().length ?? 0, `the Python side of ${name} printed nothing`).toBeGreaterThan(
        0,
      );
      const ts = await runIo(mod.default);
      expect(ts.split("\n")).toEqual(py!.split("\n"));
    });
  }
});
