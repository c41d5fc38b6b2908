// Runs every scenario twice, once in CPython 3.13 (one process for all of them, on the virtual
// loop of harness/conf.py) and once with corio under its virtual clock, and compares the traces.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runScenario, type ScenarioModule } from "../harness/trace.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
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

// Areas whose scenarios drive real processes or sockets, or their own loops (Runner): they run on
// the real clock, each in its own test file (test/subprocess.test.ts...), not on the virtual loop
// here.
const REAL_CLOCK_AREAS = new Set(["subprocess", "streams", "runner"]);

/** Every .ts file under `dir` (one level of area folders, or flat), as paths without extension. */
function findPairs(dir: string): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    if (entry.isDirectory() && REAL_CLOCK_AREAS.has(entry.name)) continue;
    if (entry.isDirectory()) {
      for (const file of readdirSync(join(root, dir, entry.name))) {
        if (file.endsWith(".ts")) names.push(`${dir}/${entry.name}/${file.slice(0, -3)}`);
      }
    } else if (entry.name.endsWith(".ts")) {
      names.push(`${dir}/${entry.name.slice(0, -3)}`);
    }
  }
  return names.sort();
}

async function load(names: string[]): Promise<Map<string, ScenarioModule>> {
  const modules = new Map<string, ScenarioModule>();
  for (const name of names) {
    const url = pathToFileURL(join(root, `${name}.ts`)).href;
    modules.set(name, (await import(url)) as ScenarioModule);
  }
  return modules;
}

const scenarios = findPairs("scenarios");
const deviations = findPairs("deviations");
const modules = await load([...scenarios, ...deviations]);
let pyTraces: Record<string, string> = {};
let pythonProblem: string | null = null;

beforeAll(() => {
  // Fail loudly, never skip: CI must have CPython 3.13 as `PYENV_VERSION=3.13.0 python`. A problem
  // is recorded rather than thrown, so every case fails with it instead of being reported skipped.
  let version: string;
  try {
    version = python(["-c", "import sys; print('%d.%d' % sys.version_info[:2])"]).trim();
  } catch (error) {
    pythonProblem = `conformance needs CPython 3.13 as \`PYENV_VERSION=3.13.0 python\`, which failed to run: ${String(error)}`;
    return;
  }
  if (version !== "3.13") {
    pythonProblem = `conformance needs CPython 3.13, but \`PYENV_VERSION=3.13.0 python\` is ${version}`;
    return;
  }
  const files = [...scenarios, ...deviations].map((s) => `${s}.py`);
  const out = JSON.parse(python(["harness/run.py", "--json", ...files])) as Record<string, string>;
  pyTraces = Object.fromEntries(Object.entries(out).map(([k, v]) => [k.slice(0, -3), v]));
}, 60_000); // about a second; generous for a loaded CI machine

function pyTrace(name: string): string {
  if (pythonProblem !== null) throw new Error(pythonProblem);
  const py = pyTraces[name];
  expect(py, `no Python trace for ${name}`).toBeDefined();
  expect(py!.trim().length, `the Python side of ${name} printed nothing`).toBeGreaterThan(0);
  return py!;
}

const lines = (trace: string) => trace.split("\n");

describe("conformance with CPython 3.13 asyncio", () => {
  it("runs CPython 3.13 as `PYENV_VERSION=3.13.0 python`", () => {
    expect(pythonProblem).toBeNull();
  });

  it("has at least 40 scenarios, each with a Python and a TypeScript side", () => {
    for (const s of [...scenarios, ...deviations]) {
      expect(existsSync(join(root, `${s}.py`)), `${s}.py is missing`).toBe(true);
    }
    for (const dir of ["scenarios", "deviations"]) {
      const pyOnly = readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".py") && !REAL_CLOCK_AREAS.has(f.split(/[\\/]/)[0]!))
        .map((f) => `${dir}/${f.replace(/\\/g, "/").slice(0, -3)}`)
        .filter((s) => !modules.has(s));
      expect(pyOnly, "Python scenarios without a TypeScript side").toEqual([]);
    }
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
  });

  for (const name of scenarios) {
    const mod = modules.get(name)!;
    const title = name.slice("scenarios/".length);
    // A scenario that shows a known bug in a package still being fixed exports `knownIssue`:
    // its traces are expected to differ until the fix lands (vitest then reports the unexpected
    // pass, and the marker goes).
    const test = mod.knownIssue === undefined ? it : it.fails;
    test(
      mod.knownIssue === undefined ? title : `${title} (known issue: ${mod.knownIssue})`,
      async () => {
        const ts = await runScenario(mod.default);
        expect(lines(ts)).toEqual(lines(pyTrace(name)));
      },
    );
  }
});

describe("documented deviations (DEVIATIONS.md)", () => {
  for (const name of deviations) {
    const mod = modules.get(name)!;
    it(`${name.slice("deviations/".length)}: corio prints its documented trace, CPython another`, async () => {
      const ts = await runScenario(mod.default);
      expect(mod.expected, `${name}.ts must export the corio trace it expects`).toBeDefined();
      expect(lines(ts)).toEqual(lines(mod.expected!));
      // If this fails, corio now agrees with asyncio: move the pair to scenarios/ and drop the
      // entry from DEVIATIONS.md.
      expect(lines(ts)).not.toEqual(lines(pyTrace(name)));
    });
  }
});
