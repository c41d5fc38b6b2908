// The workloads of issue 5, what each measures, and the target corio must reach against its peers.

import { DEEP_WORKLOAD } from "./workloads-deep.js";
import { EAGER_WORKLOAD } from "./workloads-eager.js";
import { SUBPROCESS_WORKLOAD } from "./workloads-subprocess.js";
import { THREAD_WORKLOADS } from "./workloads-threads.js";

/** The runtimes compared side by side; each has one program per workload it can express. */
export const RUNTIMES = ["corio", "native", "effection", "effect", "cpython", "piscina"] as const;
export type Runtime = (typeof RUNTIMES)[number];

export const RUNTIME_LABELS: Record<Runtime, string> = {
  corio: "corio",
  native: "native promises",
  effection: "Effection 4.1.1",
  effect: "Effect 4.1.0",
  cpython: "CPython 3.13 asyncio",
  piscina: "Piscina 5.3.2",
};

/** What a program printed (one JSON line). `ms` is the measured span. */
export interface Measurement {
  ok: true;
  ms: number;
  ops?: number;
  heapPerTask?: number;
  speedup?: number;
  [key: string]: unknown;
}

export interface Params {
  n: number;
  producers?: number;
  consumers?: number;
  realCheck?: boolean;
  /** W9: concurrent clients, each doing `n` round trips. */
  clients?: number;
  /** W9: untimed round trips per client before the timed ones. */
  warmup?: number;
}

/** How a workload's headline number reads: a rate (higher wins), a time or a size (lower wins). */
export type Better = "higher" | "lower";

export interface Metric {
  /** Column heading, with the unit. */
  unit: string;
  better: Better;
  value(m: Measurement, p: Params): number | undefined;
  /** How to print a value. */
  format(v: number): string;
}

export interface Workload {
  id: string;
  /** Directory under src/programs. */
  dir: string;
  title: string;
  full: Params;
  smoke: Params;
  /** Runtimes that run at another size, and why (shown under the table). */
  overrides?: Partial<Record<Runtime, { full: Partial<Params>; note: string }>>;
  metrics: Metric[];
  /** The target, in words, and whether the medians meet it. */
  target: string;
  met?(
    median: (r: Runtime, metric?: number) => number | undefined,
    /** A floor's rate (items/s) measured in the same run, by its id in `floors.ts`. */
    floor: (id: string) => number | undefined,
  ): boolean | undefined;
}

const perSecond = (m: Measurement) => ((m.ops ?? 0) / m.ms) * 1000;

/** A rate as the table prints it: `14.55M`, `956k`. */
export const formatRate = (v: number): string =>
  v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : `${(v / 1e3).toFixed(0)}k`;

const rate = (unit: string): Metric => ({
  unit,
  better: "higher",
  value: perSecond,
  format: formatRate,
});
const wall: Metric = {
  unit: "ms",
  better: "lower",
  value: (m) => m.ms,
  format: (v) => v.toFixed(0),
};

const ratio = (a: number | undefined, b: number | undefined, better: Better) =>
  a === undefined || b === undefined ? undefined : better === "higher" ? a / b : b / a;
const all = (...xs: (boolean | undefined)[]) =>
  xs.some((x) => x === undefined) ? undefined : xs.every(Boolean);
const atLeast = (r: number | undefined, k: number) => (r === undefined ? undefined : r >= k);
const best = (...xs: (number | undefined)[]) => {
  const v = xs.filter((x): x is number => x !== undefined);
  return v.length === 0 ? undefined : Math.max(...v);
};

export const WORKLOADS: Workload[] = [
  {
    id: "W1",
    dir: "w1-spawn",
    title: "spawn + join 200k tasks",
    full: { n: 200_000 },
    smoke: { n: 200 },
    overrides: {
      effection: {
        full: { n: 10_000 },
        note: "Effection runs W1 at 10k tasks: each spawn costs more as siblings pile up (20k tasks take ~25 s), so its rate at 200k would be lower still",
      },
    },
    metrics: [rate("tasks/s")],
    target: "≥ 3× Effect and ≥ 4× CPython",
    met: (m) =>
      all(
        atLeast(ratio(m("corio"), m("effect"), "higher"), 3),
        atLeast(ratio(m("corio"), m("cpython"), "higher"), 4),
      ),
  },
  {
    id: "W2",
    dir: "w2-switches",
    title: "2 tasks × 1M switches",
    full: { n: 1_000_000 },
    smoke: { n: 2_000 },
    overrides: {
      effection: {
        full: { n: 100_000 },
        note: "Effection has no yield-now (its sleep(0) is a ~1 ms setTimeout); it switches by awaiting a resolved promise, at 100k per task",
      },
    },
    metrics: [rate("switches/s")],
    target: "≥ 0.9× native await null, ≥ 4× the best library peer and ≥ 20× CPython",
    met: (m) => {
      const peer = best(m("effection"), m("effect"));
      return all(
        atLeast(ratio(m("corio"), m("native"), "higher"), 0.9),
        atLeast(ratio(m("corio"), peer, "higher"), 4),
        atLeast(ratio(m("corio"), m("cpython"), "higher"), 20),
      );
    },
  },
  ...(
    [
      ["W3a", 1],
      ["W3b", 4],
    ] as const
  ).map(
    ([id, k]): Workload => ({
      id,
      dir: "w3-queue",
      title: `bounded queue (100), 1M items, ${k}/${k}`,
      full: { n: 1_000_000, producers: k, consumers: k },
      smoke: { n: 2_000, producers: k, consumers: k },
      metrics: [rate("items/s")],
      target: `≥ 0.9× the floor that pays one generator per put and get (${id}-gen)`,
      met: (m, floor) => atLeast(ratio(m("corio"), floor(`${id}-gen`), "higher"), 0.9),
    }),
  ),
  {
    id: "W4",
    dir: "w4-sleepers",
    title: "100k sleepers (i % 1000 ms), gathered",
    full: { n: 100_000 },
    smoke: { n: 200 },
    overrides: {
      effection: {
        full: { n: 10_000 },
        note: "Effection runs W4 at 10k tasks (spawning 100k takes minutes), so its wall time is for a tenth of the work",
      },
    },
    metrics: [
      wall,
      {
        unit: "heap B/task",
        better: "lower",
        value: (m) => m.heapPerTask,
        format: (v) => v.toFixed(0),
      },
    ],
    target: "≤ 1200 ms wall (ideal 1000) and ≤ 500 bytes of heap per pending task",
    met: (m) => {
      const ms = m("corio", 0);
      const heap = m("corio", 1);
      return ms === undefined || heap === undefined ? undefined : ms <= 1200 && heap <= 500;
    },
  },
  {
    id: "W5",
    dir: "w5-cancel",
    title: "cancel 100k parked tasks, every finally run",
    full: { n: 100_000 },
    smoke: { n: 200 },
    overrides: {
      effection: {
        full: { n: 10_000 },
        note: "Effection runs W5 at 10k tasks (spawning 100k takes minutes)",
      },
    },
    metrics: [rate("cancels/s")],
    target: "≥ 1.5× Effect",
    met: (m) => atLeast(ratio(m("corio"), m("effect"), "higher"), 1.5),
  },
  {
    id: "W6",
    dir: "w6-timers",
    title: "1M timers, 0-100 ms, half cancelled",
    full: { n: 1_000_000 },
    smoke: { n: 2_000 },
    metrics: [wall],
    target: "at least as fast as native setTimeout (time ≤ native's)",
    met: (m) => {
      const c = m("corio");
      const nat = m("native");
      return c === undefined || nat === undefined ? undefined : c <= nat;
    },
  },
  {
    id: "W7",
    dir: "w7-virtual",
    title: "100k sleepers (i % 1000 s), virtual clock",
    full: { n: 100_000, realCheck: true },
    smoke: { n: 2_000, realCheck: true },
    metrics: [
      {
        unit: "× real time",
        better: "higher",
        value: (m) => m.speedup,
        format: (v) => `${v.toFixed(0)}×`,
      },
    ],
    target: "≥ 1000× faster than real time, same event order as a real-clock run",
    met: (m) => atLeast(m("corio"), 1000),
  },
  {
    id: "W9",
    dir: "w9-echo",
    title: "echo over localhost, 50 clients × 2000 round trips of 64 B",
    // Each client first makes 1000 untimed round trips on its connection (every runtime alike):
    // a server runs for weeks, so W9 measures the steady state, not the JIT's warm-up.
    full: { n: 2000, clients: 50, warmup: 1000 },
    smoke: { n: 20, clients: 4, warmup: 5 },
    metrics: [
      {
        unit: "round trips/s",
        better: "higher",
        value: perSecond,
        format: formatRate,
      },
    ],
    target: "≥ 0.8× plain node:net callbacks and ≥ 3× CPython asyncio streams",
    met: (m) =>
      all(
        atLeast(ratio(m("corio"), m("native"), "higher"), 0.8),
        atLeast(ratio(m("corio"), m("cpython"), "higher"), 3),
      ),
  },
  DEEP_WORKLOAD,
  ...THREAD_WORKLOADS,
  SUBPROCESS_WORKLOAD,
  EAGER_WORKLOAD,
];

/** "corio vs peer": how many times better corio's median is (> 1: corio wins). */
export function corioRatio(corio: number | undefined, peer: number | undefined, better: Better) {
  return ratio(corio, peer, better);
}
