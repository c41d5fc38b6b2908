// W8's shape, shared by the JavaScript programs: the depths, how many switches each depth runs,
// and the report. At every depth two tasks each descend `depth` nested coroutine calls and then
// give up control `switches(depth)` times at the bottom; the rate is switches per second. Deeper
// runs do fewer switches where a runtime pays per level, so that no run takes minutes; the rate
// is what counts.
import { check, report } from "../harness.js";

export const DEPTHS = [0, 10, 100, 1000] as const;

/** Switches per task at `depth`: n near the top, fewer deep down when each one costs `depth`. */
export function switches(n: number, depth: number, perLevel: boolean): number {
  if (!perLevel) return n;
  return Math.max(200, Math.floor(n / Math.max(1, depth / 10)));
}

export interface DepthRun {
  depth: number;
  ms: number;
  ops: number;
}

/** Checks every run and reports: `ms`/`ops` of the deepest run, and the rate at every depth. */
export function reportDepths(runs: DepthRun[], extra: Record<string, unknown> = {}): void {
  const rates: Record<string, number> = {};
  for (const r of runs) {
    check(r.ops > 0 && r.ms > 0, `depth ${r.depth} ran`);
    rates[`d${r.depth}`] = (r.ops / r.ms) * 1000;
  }
  const deepest = runs[runs.length - 1]!;
  report({ ms: deepest.ms, ops: deepest.ops, ...rates, ...extra });
}
