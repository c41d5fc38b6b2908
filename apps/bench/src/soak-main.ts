// `pnpm --filter @corio/bench soak [--tasks N] [--sample N] [--concurrency N]`: runs the soak of
// src/soak.ts once under `node --expose-gc` and prints its table and what it means.
import { runSoak, soakTable } from "./soak.js";

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const result = await runSoak({
  tasks: flag("tasks", 1_000_000),
  sampleEvery: flag("sample", 100_000),
  concurrency: flag("concurrency", 1000),
});
const rows = result.rows;
const running = rows.filter((r) => r.phase === "run");
const lastRun = running[running.length - 1]!;
const closed = rows[rows.length - 1]!;
const seconds = lastRun.seconds;
console.log(soakTable(rows));
console.log("");
console.log(
  `tasks/s over the run: ${Math.round(lastRun.finished / seconds)} (${lastRun.finished} jobs in ${seconds.toFixed(1)} s)`,
);
console.log(
  `failures reported while run() went on: ${lastRun.failuresReported} of ${lastRun.failuresMade}; after run() returned: ${closed.failuresReported} of ${closed.failuresMade}`,
);
console.log(
  result.heapGrowthMB === null
    ? "heap: run with node --expose-gc to measure it"
    : `heap after GC grew by ${result.heapGrowthMB.toFixed(1)} MB from the first row to the last row of the run`,
);
if (result.otherReports.length > 0) {
  console.log(`other reports (${result.otherReports.length}):`);
  for (const r of result.otherReports.slice(0, 5)) console.log(`  ${r}`);
}
