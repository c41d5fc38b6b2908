// P1, the subprocess workload of issue 16: spawn + communicate round trips per second, corio's
// @corio/subprocess against plain child_process.execFile (the floor) and CPython's asyncio.
import type { Measurement, Workload } from "./workloads.js";

const perSecond = (m: Measurement) => ((m.ops ?? 0) / m.ms) * 1000;

export const SUBPROCESS_WORKLOAD: Workload = {
  id: "P1",
  dir: "p1-subprocess",
  title: "spawn `cat` + communicate 1 KiB, 4 at a time",
  full: { n: 400 },
  smoke: { n: 8 },
  metrics: [
    {
      unit: "round trips/s",
      better: "higher",
      value: perSecond,
      format: (v) => v.toFixed(0),
    },
  ],
  // Node's own spawn is the floor (CPython's fork/exec path is faster than libuv's), so the target
  // is set against child_process; the CPython column is reported as measured.
  target: "≥ 0.8× child_process.execFile",
  met: (m) => {
    const c = m("corio");
    const nat = m("native");
    return c === undefined || nat === undefined ? undefined : c >= 0.8 * nat;
  },
};
