// W10 on @corio/threads: a pool of one worker per core, warmed up (every worker started and the
// module loaded), then n jobs submitted at once and gathered. Only the n jobs are timed.
import { ThreadPool } from "@corio/threads";
import { gatherAll, run } from "corio";
import { check, now, params, report } from "../harness.js";
import { expectedSum, HEAVY_ROUNDS, WORK_URL, WORKERS } from "./common.js";

export async function corioThreads(kind: "small" | "heavy"): Promise<void> {
  const { n } = params();
  const arg = (i: number) => (kind === "small" ? i : HEAVY_ROUNDS);
  let ms = 0;
  const sum = await run(function* () {
    const pool = new ThreadPool({ maxWorkers: WORKERS });
    const warm = [];
    for (let i = 0; i < WORKERS; i++) warm.push(pool.submit<number>(WORK_URL, "small", [i]));
    yield* gatherAll(warm);
    const t0 = now();
    const jobs = [];
    for (let i = 0; i < n; i++) jobs.push(pool.submit<number>(WORK_URL, kind, [arg(i)]));
    let s = 0;
    for (const r of yield* gatherAll(jobs)) s += r;
    ms = now() - t0;
    yield* pool.shutdown();
    return s;
  });
  check(sum === expectedSum(kind, n), `every job's result came back (${sum})`);
  report({ ms, ops: n, workers: WORKERS });
}
