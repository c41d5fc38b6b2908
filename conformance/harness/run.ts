// Runs TypeScript scenarios and prints their traces: `npx tsx harness/run.ts scenarios/x/y.ts`.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { runScenario, type ScenarioModule } from "./trace.js";

for (const file of process.argv.slice(2)) {
  const mod = (await import(pathToFileURL(resolve(file)).href)) as ScenarioModule;
  process.stdout.write(await runScenario(mod.default));
}
