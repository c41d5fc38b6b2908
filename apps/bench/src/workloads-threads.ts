// W10, CPU work on worker threads (issue 17): @corio/threads against Piscina, the Node worker-pool
// anchor, and CPython's asyncio.to_thread, with the same pool size (one worker per core) in Node.
import type { Measurement, Workload } from "./workloads.js";

const perSecond = (m: Measurement) => ((m.ops ?? 0) / m.ms) * 1000;
const jobsPerSecond = {
  unit: "jobs/s",
  better: "higher" as const,
  value: perSecond,
  format: (v: number) =>
    v >= 1e3 ? `${(v / 1e3).toFixed(1)}k` : v >= 10 ? v.toFixed(0) : v.toFixed(2),
};
const atLeastPiscina = (m: (r: "corio" | "piscina") => number | undefined) => {
  const c = m("corio");
  const p = m("piscina");
  return c === undefined || p === undefined ? undefined : c >= p;
};

export const THREAD_WORKLOADS: Workload[] = [
  {
    id: "W10a",
    dir: "w10a-small-jobs",
    title: "10k small jobs on a worker pool",
    full: { n: 10_000 },
    smoke: { n: 50 },
    metrics: [jobsPerSecond],
    target: "≥ Piscina's throughput",
    met: (m) => atLeastPiscina((r) => m(r)),
  },
  {
    id: "W10b",
    dir: "w10b-heavy-jobs",
    title: "100 CPU-heavy jobs on a worker pool",
    full: { n: 100 },
    smoke: { n: 1 },
    overrides: {
      cpython: {
        full: { n: 4 },
        note: "CPython runs W10b at 4 jobs: each heavy job takes it seconds and the GIL runs one at a time, so its rate at 100 would be the same",
      },
    },
    metrics: [jobsPerSecond],
    target: "≥ Piscina's throughput",
    met: (m) => atLeastPiscina((r) => m(r)),
  },
];
