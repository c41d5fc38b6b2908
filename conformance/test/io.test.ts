// The real-I/O scenarios (io/<area>/*.{py,ts}): sockets need real waiting, so here CPython runs
// each scenario with plain asyncio.run (default loop, real clock) and corio with run() on the
// real clock; the traces print nothing that depends on timing and must be identical.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Coroutine, run } from "corio";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type PythonTraces,
  printedBy,
  pythonRealTraces,
  ROOT as root,
  scenarioNames,
} from "../harness/cpython-real.js";
import { ename } from "../harness/trace.js";

const scenarios = scenarioNames("io", true);
let python: PythonTraces = { traces: {}, problem: "not run yet" };

beforeAll(() => {
  // Never skip: a missing CPython 3.13 fails every case with the reason.
  python = pythonRealTraces(scenarios);
}, 60_000);

/** Runs a scenario's main on the real clock and returns what it printed. */
function runIo(main: () => Coroutine<unknown>): Promise<string> {
  return printedBy(async () => {
    try {
      const result = await run(main);
      if (result !== undefined) console.log(`main returned ${String(result)}`);
    } catch (error) {
      console.log(`main raised ${ename(error)}`);
    }
  });
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
      if (python.problem !== null) throw new Error(python.problem);
      const mod = (await import(pathToFileURL(join(root, `${name}.ts`)).href)) as {
        default: () => Coroutine<unknown>;
      };
      const py = python.traces[name];
      expect(py?.trim().length ?? 0, `the Python side of ${name} printed nothing`).toBeGreaterThan(
        0,
      );
      const ts = await runIo(mod.default);
      expect(ts.split("\n")).toEqual(py!.split("\n"));
    });
  }
});
