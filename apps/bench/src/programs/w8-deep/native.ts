// W8 on native promises: two async functions each descend `depth` awaited async calls and switch
// with `await null` at the bottom. Each level awaits the promise of the next, so a switch resumes
// only the bottom function, at any depth.
import { check, now, params, program } from "../harness.js";
import { DEPTHS, type DepthRun, reportDepths, switches } from "./common.js";

program(async () => {
  const { n } = params();

  async function bottom(k: number): Promise<number> {
    for (let i = 0; i < k; i++) await null;
    return k;
  }
  async function chain(depth: number, k: number): Promise<number> {
    if (depth === 0) return bottom(k);
    return await chain(depth - 1, k);
  }

  async function measure(depth: number, k: number): Promise<DepthRun> {
    const t0 = now();
    const [a, b] = await Promise.all([chain(depth, k), chain(depth, k)]);
    const ms = now() - t0;
    check(a + b === 2 * k, `depth ${depth}: both finished (${a + b})`);
    return { depth, ms, ops: 2 * k };
  }

  // An untimed warm-up over every depth (a fifth of the switches), so that the depth measured
  // first does not pay for compiling.
  for (const depth of DEPTHS) await measure(depth, Math.ceil(switches(n, depth, false) / 5));
  const runs: DepthRun[] = [];
  for (const depth of DEPTHS) runs.push(await measure(depth, switches(n, depth, false)));
  reportDepths(runs);
});
