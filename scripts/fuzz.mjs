#!/usr/bin/env node
// `pnpm fuzz`: runs the property-based fuzz suites (packages/*/test/fuzz.test.ts) for a long time
// with a fresh seed, instead of the few thousand schedules CI runs with a fixed one.
//
// Env: FUZZ_TOTAL (default 100000) schedules in all, shared between the suites; FUZZ_SEED to replay
// (default: a new random seed, printed). A failing suite prints fast-check's counterexample and the
// seed; replay it with `FUZZ_SEED=<seed> FUZZ_RUNS=<runs> npx vitest run test/fuzz.test.ts` in its
// package.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
// biome-ignore lint/suspicious/noUndeclaredEnvVars: a script run by hand, not a turbo task.
const total = Number(process.env.FUZZ_TOTAL ?? 100_000);
// biome-ignore lint/suspicious/noUndeclaredEnvVars: a script run by hand, not a turbo task.
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
// Shares by cost: a queue schedule runs several times longer than a gather one.
const suites = [
  { pkg: "cancel", share: 0.3 },
  { pkg: "gather", share: 0.3 },
  { pkg: "sync", share: 0.25 },
  { pkg: "queue", share: 0.15 },
];

console.log(`fuzz: ${total} schedules, seed ${seed}`);
const rows = [];
let failed = false;
const t0 = Date.now();
for (const s of suites) {
  const runs = Math.max(1, Math.round(total * s.share));
  const t = Date.now();
  const r = spawnSync(
    process.execPath,
    [vitest, "run", "test/fuzz.test.ts", "--testTimeout=0", "--reporter=dot"],
    {
      cwd: join(root, "packages", s.pkg),
      env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed), NO_COLOR: "1" },
      encoding: "utf8",
    },
  );
  const secs = (Date.now() - t) / 1000;
  const ok = r.status === 0;
  if (!ok) {
    failed = true;
    console.log(r.stdout, r.stderr);
  }
  rows.push({
    suite: s.pkg,
    schedules: runs,
    seconds: secs.toFixed(1),
    result: ok ? "ok" : "FAILED",
  });
}
console.table(rows);
const secs = (Date.now() - t0) / 1000;
const ran = rows.reduce((n, r) => n + r.schedules, 0);
console.log(
  `fuzz: ${ran} schedules in ${secs.toFixed(1)} s (${Math.round(ran / secs)}/s), seed ${seed}: ${failed ? "FAILED" : "all invariants held"}`,
);
process.exitCode = failed ? 1 : 0;
