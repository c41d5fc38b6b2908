// W8 on Effection 4: two tasks each descend `depth` nested operations (`yield*`) and switch by
// awaiting a resolved promise at the bottom (its cheapest switch; see W2).
import { all, type Operation, run, spawn, until } from "effection";
import { check, now, params, program } from "../harness.js";
import { DEPTHS, type DepthRun, reportDepths, switches } from "./common.js";

program(async () => {
  const { n } = params();

  function* bottom(k: number): Operation<number> {
    for (let i = 0; i < k; i++) yield* until(Promise.resolve());
    return k;
  }
  function* chain(depth: number, k: number): Operation<number> {
    if (depth === 0) return yield* bottom(k);
    return yield* chain(depth - 1, k);
  }

  async function measure(depth: number, k: number): Promise<DepthRun> {
    const t0 = now();
    const [a, b] = await run(function* () {
      const ta = yield* spawn(() => chain(depth, k));
      const tb = yield* spawn(() => chain(depth, k));
      return yield* all([ta, tb]);
    });
    const ms = now() - t0;
    check(a + b === 2 * k, `depth ${depth}: both tasks finished (${a + b})`);
    return { depth, ms, ops: 2 * k };
  }

  // An untimed warm-up over every depth (a fifth of the switches), so that the depth measured
  // first does not pay for compiling.
  for (const depth of DEPTHS) await measure(depth, Math.ceil(switches(n, depth, true) / 5));
  const runs: DepthRun[] = [];
  for (const depth of DEPTHS) runs.push(await measure(depth, switches(n, depth, true)));
  reportDepths(runs);
});
