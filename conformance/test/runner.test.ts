// The Runner scenarios (scenarios/runner/): a scenario manages its own loops with asyncio.Runner /
// corio's Runner, so it is a plain function (`scenario()` in Python, an async default export in
// TypeScript) rather than a `main()` run inside `asyncio.run`. Both sides run on the real clock and
// print nothing that depends on timing; the traces must be identical.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type PythonTraces,
  printedBy,
  pythonRealTraces,
  ROOT as root,
  scenarioNames,
} from "../harness/cpython-real.js";

const area = "scenarios/runner";
const names = scenarioNames(area);
let python: PythonTraces = { traces: {}, problem: "not run yet" };

beforeAll(() => {
  python = pythonRealTraces(names);
}, 60_000);

describe("Runner, against CPython 3.13's asyncio.Runner", () => {
  it("has scenarios, each with a Python side", () => {
    const py = readdirSync(join(root, area)).filter((f) => f.endsWith(".py"));
    expect(py.map((f) => `${area}/${f.slice(0, -3)}`).sort()).toEqual(names);
    expect(names.length).toBeGreaterThanOrEqual(1);
  });

  for (const name of names) {
    it(name.slice("scenarios/".length), async () => {
      if (python.problem !== null) throw new Error(python.problem);
      const mod = (await import(pathToFileURL(join(root, `${name}.ts`)).href)) as {
        default: () => Promise<void>;
      };
      const ts = await printedBy(mod.default);
      expect(ts).toBe(python.traces[name]);
    });
  }
});
