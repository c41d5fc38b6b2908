// The Runner scenarios (scenarios/runner/): a scenario manages its own loops with asyncio.Runner /
// corio's Runner, so it is a plain function (`scenario()` in Python, an async default export in
// TypeScript) rather than a `main()` run inside `asyncio.run`. Both sides run on the real clock and
// print nothing that depends on timing; the traces must be identical.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const area = "scenarios/runner";
const names = readdirSync(join(root, area))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => `${area}/${f.slice(0, -3)}`)
  .sort();
let pyTraces: Record<string, string> = {};
let pythonProblem: string | null = null;

beforeAll(() => {
  const env = { ...process.env, PYENV_VERSION: "3.13.0" };
  try {
    const out = execFileSync(
      "python",
      ["harness/run_real.py", "--json", ...names.map((n) => `${n}.py`)],
      { cwd: root, env, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
    );
    const parsed = JSON.parse(out) as Record<string, string>;
    pyTraces = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k.slice(0, -3), v]));
  } catch (error) {
    pythonProblem = `conformance needs CPython 3.13 as \`PYENV_VERSION=3.13.0 python\`, which failed: ${String(error)}`;
  }
}, 60_000);

/** Runs a TypeScript scenario, collecting what `print` wrote. */
async function traceOf(scenario: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
  };
  try {
    await scenario();
  } finally {
    console.log = log;
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

describe("Runner, against CPython 3.13's asyncio.Runner", () => {
  it("has scenarios, each with a Python side", () => {
    const py = readdirSync(join(root, area)).filter((f) => f.endsWith(".py"));
    expect(py.map((f) => `${area}/${f.slice(0, -3)}`).sort()).toEqual(names);
    expect(names.length).toBeGreaterThanOrEqual(1);
  });

  for (const name of names) {
    it(name.slice("scenarios/".length), async () => {
      if (pythonProblem !== null) throw new Error(pythonProblem);
      const mod = (await import(pathToFileURL(join(root, `${name}.ts`)).href)) as {
        default: () => Promise<void>;
      };
      const ts = await traceOf(mod.default);
      expect(ts).toBe(pyTraces[name]);
    });
  }
});
