// W8 on @corio/threads: n jobs submitted at once to a pool of one worker per core, gathered.

import { ThreadPool } from "@corio/threads";
import { gatherAll, run } from "corio";
import { check, now, params, report } from "../harness.js";
import { expectedSum, HEAVY_ROUNDS, WORK_URL, WORKERS } from "./common.js";

export async function corioThreads(kind: "small" | "heavy"): Promise<void> {
  const { n } = params();
  const arg = (i: number) => (kind === "small" ? i : HEAVY_ROUNDS);
  const t0 = now();
  const sum = await run(function* () {
    const pool = new ThreadPool({ maxWorkers: WORKERS });
    const jobs = [];
    for (let i = 0; i < n; i++) jobs.push(pool.submit<number>(WORK_URL, kind, [arg(i)]));
    let s = 0;
    for (const r of yield* gatherAll(jobs)) s += r;
    yield* pool.shutdown();
    return s;
  });
  const ms = now() - t0;
  check(sum === expectedSum(kind, n), `every job's result came back (${sum})`);
  report({ ms, ops: n, workers: WORKERS });
}
