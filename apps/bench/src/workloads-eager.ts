// W1e, W1 with eager tasks (issue 18): corio's eagerTaskFactory against native async functions
// (eager by nature) and CPython's asyncio.eager_task_factory.
import type { Measurement, Workload } from "./workloads.js";

const perSecond = (m: Measurement) => ((m.ops ?? 0) / m.ms) * 1000;
const formatRate = (v: number): string =>
  v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : `${(v / 1e3).toFixed(0)}k`;

export const EAGER_WORKLOAD: Workload = {
  id: "W1e",
  dir: "w1e-eager",
  title: "spawn + join 200k eager tasks (each done inside createTask)",
  full: { n: 200_000 },
  smoke: { n: 200 },
  metrics: [{ unit: "tasks/s", better: "higher", value: perSecond, format: formatRate }],
  target: "≥ native async functions",
  met: (m) => {
    const c = m("corio");
    const nat = m("native");
    return c === undefined || nat === undefined ? undefined : c >= nat;
  },
};
