// W8, switching deep in a chain of coroutines (issue 19): the rate of sleep(0) switches at the
// bottom of 0, 10, 100 and 1000 nested calls. corio's program awaits each level through call();
// its plain `yield*` rates are reported beside, to show what the frames save.
import type { Measurement, Metric, Workload } from "./workloads.js";

const formatRate = (v: number): string =>
  v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : `${(v / 1e3).toFixed(1)}k`;

const atDepth = (key: string, unit: string): Metric => ({
  unit,
  better: "higher",
  value: (m: Measurement) => (typeof m[key] === "number" ? (m[key] as number) : undefined),
  format: formatRate,
});

export const DEEP_WORKLOAD: Workload = {
  id: "W8",
  dir: "w8-deep",
  title: "2 tasks switching under 0/10/100/1000 nested calls",
  full: { n: 200_000 },
  smoke: { n: 400 },
  overrides: {
    effection: {
      full: { n: 20_000 },
      note: "Effection switches by awaiting a resolved promise (see W2), at 20k per task near the top and fewer deep down",
    },
  },
  metrics: [
    atDepth("d0", "switches/s at depth 0"),
    atDepth("d10", "switches/s at depth 10"),
    atDepth("d100", "switches/s at depth 100"),
    atDepth("d1000", "switches/s at depth 1000"),
    atDepth("plain1000", "switches/s at depth 1000, plain yield*"),
  ],
  target: "corio's depth-1000 rate ≥ 0.5× its depth-0 rate",
  met: (m) => {
    const top = m("corio", 0);
    const deep = m("corio", 3);
    return top === undefined || deep === undefined ? undefined : deep >= 0.5 * top;
  },
};
