// The real-clock scenarios (scenarios/subprocess/): each drives real child processes, so it runs on
// asyncio's own loop in CPython 3.13 (harness/run_real.py) and on corio's real clock
// (harness/real.ts), and the two traces must be identical. The virtual loop of the main suite
// cannot wait for a process, which is why these live apart.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runRealScenario } from "../harness/real.js";
import type { ScenarioModule } from "../harness/trace.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const area = "scenarios/subprocess";
const names = readdirSync(join(root, area))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => `${area}/${f.slice(0, -3)}`)
  .sort();
let pyTraces: Record<string, string> = {};
let pythonProblem: string | null = null;

beforeAll(() => {
  const env = { ...process.env, PYENV_VERSION: "3.13.0" };
  try {
    const version = execFileSync(
      "python",
      ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
      {
        env,
        encoding: "utf8",
      },
    ).trim();
    if (version !== "3.13") {
      pythonProblem = `conformance needs CPython 3.13, but \`PYENV_VERSION=3.13.0 python\` is ${version}`;
      return;
    }
    const out = execFileSync(
      "python",
      ["harness/run_real.py", "--json", ...names.map((n) => `${n}.py`)],
      { cwd: root, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    const parsed = JSON.parse(out) as Record<string, string>;
    pyTraces = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k.slice(0, -3), v]));
  } catch (error) {
    pythonProblem = `conformance needs CPython 3.13 as \`PYENV_VERSION=3.13.0 python\`, which failed: ${String(error)}`;
  }
}, 120_000);

describe("subprocesses and Ctrl-C, against CPython 3.13 asyncio on real processes", () => {
  it("has at least 7 scenarios, each with a Python side", () => {
    const py = readdirSync(join(root, area)).filter((f) => f.endsWith(".py"));
    expect(py.map((f) => `${area}/${f.slice(0, -3)}`).sort()).toEqual(names);
    expect(names.length).toBeGreaterThanOrEqual(7);
  });

  for (const name of names) {
    it(name.slice("scenarios/".length), async () => {
      if (pythonProblem !== null) throw new Error(pythonProblem);
      const mod = (await import(pathToFileURL(join(root, `${name}.ts`)).href)) as ScenarioModule;
      const ts = await runRealScenario(mod.default);
      const py = pyTraces[name];
      expect(py, `no Python trace for ${name}`).toBeDefined();
      expect(py!.trim().length, `the Python side of ${name} printed nothing`).toBeGreaterThan(0);
      expect(ts.split("\n")).toEqual(py!.split("\n"));
    }, 30_000);
  }
});
