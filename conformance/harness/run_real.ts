// Runs real-clock TypeScript scenarios and prints their traces:
// `npx tsx harness/run_real.ts scenarios/subprocess/x.ts`.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { runRealScenario } from "./real.js";
import type { ScenarioModule } from "./trace.js";

for (const file of process.argv.slice(2)) {
  const mod = (await import(pathToFileURL(resolve(file)).href)) as ScenarioModule;
  process.stdout.write(await runRealScenario(mod.default));
}
