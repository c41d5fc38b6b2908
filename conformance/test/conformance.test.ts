// Runs every scenario twice, once in CPython 3.13 (one process for all of them, on the virtual
// loop of harness/conf.py) and once with corio under its virtual clock, and compares the traces.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runScenario, type ScenarioModule } from "../harness/trace.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const scenarioDir = join(root, "scenarios");
const pythonEnv = { ...process.env, PYENV_VERSION: "3.13.0" };

function python(args: string[]): string {
  return execFileSync("python", args, {
    cwd: root,
    env: pythonEnv,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Every scenario, as "area/name", from the .ts files under scenarios/. */
function findScenarios(): string[] {
  const names: string[] = [];
  for (const area of readdirSync(scenarioDir, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    for (const file of readdirSync(join(scenarioDir, area.name))) {
      if (file.endsWith(".ts")) names.push(`${area.name}/${file.slice(0, -3)}`);
    }
  }
  return names.sort();
}

const scenarios = findScenarios();
const modules = new Map<string, ScenarioModule>();
for (const name of scenarios) {
  modules.set(
    name,
    (await import(pathToFileURL(join(scenarioDir, `${name}.ts`)).href)) as ScenarioModule,
  );
}
let pyTraces: Record<string, string> = {};

beforeAll(() => {
  // Fail loudly, never skip: CI must have CPython 3.13 as `PYENV_VERSION=3.13.0 python`.
  let version: string;
  try {
    version = python(["-c", "import sys; print('%d.%d' % sys.version_info[:2])"]).trim();
  } catch (error) {
    throw new Error(
      `conformance needs CPython 3.13 as \`PYENV_VERSION=3.13.0 python\`, which failed to run: ${String(error)}`,
    );
  }
  if (version !== "3.13") {
    throw new Error(
      `conformance needs CPython 3.13, but \`PYENV_VERSION=3.13.0 python\` is ${version}`,
    );
  }
  const files = scenarios.map((s) => `scenarios/${s}.py`);
  const out = JSON.parse(python(["harness/run.py", "--json", ...files])) as Record<string, string>;
  pyTraces = Object.fromEntries(Object.entries(out).map(([k, v]) => [k.slice(10, -3), v]));
});

describe("conformance with CPython 3.13 asyncio", () => {
  it("has at least 40 scenarios, each with a Python and a TypeScript side", () => {
    for (const s of scenarios) {
      expect(existsSync(join(scenarioDir, `${s}.py`)), `${s}.py is missing`).toBe(true);
    }
    const pyOnly = readdirSync(scenarioDir, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".py"))
      .map((f) => f.replace(/\\/g, "/").slice(0, -3))
      .filter((s) => !scenarios.includes(s));
    expect(pyOnly, "Python scenarios without a TypeScript side").toEqual([]);
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
  });

  for (const name of scenarios) {
    const mod = modules.get(name)!;
    // A scenario that shows a known bug in a package still being fixed exports `knownIssue`:
    // its traces are expected to differ until the fix lands (then vitest reports it as passing
    // unexpectedly, and the marker goes).
    const test = mod.knownIssue === undefined ? it : it.fails;
    test(
      mod.knownIssue === undefined ? name : `${name} (known issue: ${mod.knownIssue})`,
      async () => {
        const ts = await runScenario(mod.default);
        const py = pyTraces[name];
        expect(py, `no Python trace for ${name}`).toBeDefined();
        expect(py!.trim().length, `the Python side of ${name} printed nothing`).toBeGreaterThan(0);
        expect(ts.split("\n")).toEqual(py!.split("\n"));
      },
    );
  }
});
