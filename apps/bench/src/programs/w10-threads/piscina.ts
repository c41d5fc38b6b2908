// W10 on Piscina: a pool of one worker per core, warmed up (every worker started and the module
// loaded), then n jobs submitted at once and awaited together. Only the n jobs are timed.
import { Piscina } from "piscina";
import { check, now, params, report } from "../harness.js";
import { expectedSum, HEAVY_ROUNDS, WORK_URL, WORKERS } from "./common.js";

export async function piscinaThreads(kind: "small" | "heavy"): Promise<void> {
  const { n } = params();
  const arg = (i: number) => (kind === "small" ? i : HEAVY_ROUNDS);
  const pool = new Piscina({ filename: WORK_URL.href, minThreads: WORKERS, maxThreads: WORKERS });
  const warm: Promise<number>[] = [];
  for (let i = 0; i < WORKERS; i++) warm.push(pool.run({ fn: "small", arg: i }));
  await Promise.all(warm);
  const t0 = now();
  const jobs: Promise<number>[] = [];
  for (let i = 0; i < n; i++) jobs.push(pool.run({ fn: kind, arg: arg(i) }));
  let sum = 0;
  for (const r of await Promise.all(jobs)) sum += r;
  const ms = now() - t0;
  await pool.destroy();
  check(sum === expectedSum(kind, n), `every job's result came back (${sum})`);
  report({ ms, ops: n, workers: WORKERS });
}
