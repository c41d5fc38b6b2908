// The real-clock scenarios (scenarios/subprocess/): each drives real child processes, so it runs on
// asyncio's own loop in CPython 3.13 (harness/run_real.py) and on corio's real clock
// (harness/real.ts), and the two traces must be identical. The virtual loop of the main suite
// cannot wait for a process, which is why these live apart.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type PythonTraces,
  pythonRealTraces,
  ROOT as root,
  scenarioNames,
} from "../harness/cpython-real.js";
import { runRealScenario } from "../harness/real.js";
import type { ScenarioModule } from "../harness/trace.js";

const area = "scenarios/subprocess";
const names = scenarioNames(area);
let python: PythonTraces = { traces: {}, problem: "not run yet" };

beforeAll(() => {
  python = pythonRealTraces(names);
}, 120_000);

describe("subprocesses and Ctrl-C, against CPython 3.13 asyncio on real processes", () => {
  it("has at least 7 scenarios, each with a Python side", () => {
    const py = readdirSync(join(root, area)).filter((f) => f.endsWith(".py"));
    expect(py.map((f) => `${area}/${f.slice(0, -3)}`).sort()).toEqual(names);
    expect(names.length).toBeGreaterThanOrEqual(7);
  });

  for (const name of names) {
    it(name.slice("scenarios/".length), async () => {
      if (python.problem !== null) throw new Error(python.problem);
      const mod = (await import(pathToFileURL(join(root, `${name}.ts`)).href)) as ScenarioModule;
      const ts = await runRealScenario(mod.default);
      const py = python.traces[name];
      expect(py, `no Python trace for ${name}`).toBeDefined();
      expect(py!.trim().length, `the Python side of ${name} printed nothing`).toBeGreaterThan(0);
      expect(ts.split("\n")).toEqual(py!.split("\n"));
    }, 30_000);
  }
});
