// W8 on corio: two tasks each descend `depth` coroutines and switch with sleep(0) at the bottom.
// Each level awaits the next through call(), which runs it as its own frame on the task's stack,
// so a switch resumes one generator whatever the depth. The same run with plain `yield*` (every
// switch resumes the whole chain) is reported beside it as `plain<depth>`.
import { type Coroutine, call, createTask, run, sleep } from "corio";
import { check, now, params, program } from "../harness.js";
import { DEPTHS, type DepthRun, reportDepths, switches } from "./common.js";

program(async () => {
  const { n } = params();

  function* bottom(k: number): Coroutine<number> {
    for (let i = 0; i < k; i++) yield* sleep(0);
    return k;
  }
  function* viaCall(depth: number, k: number): Coroutine<number> {
    if (depth === 0) return yield* bottom(k);
    return yield* call(viaCall(depth - 1, k));
  }
  function* viaYield(depth: number, k: number): Coroutine<number> {
    if (depth === 0) return yield* bottom(k);
    return yield* viaYield(depth - 1, k);
  }

  async function measure(
    chain: (depth: number, k: number) => Coroutine<number>,
    depth: number,
    k: number,
  ): Promise<DepthRun> {
    const t0 = now();
    const total = await run(function* () {
      const a = createTask(chain(depth, k));
      const b = createTask(chain(depth, k));
      return (yield* a) + (yield* b);
    });
    const ms = now() - t0;
    check(total === 2 * k, `depth ${depth}: both tasks finished (${total})`);
    return { depth, ms, ops: 2 * k };
  }

  // An untimed warm-up over every depth (a fifth of the switches), so that the depth measured
  // first does not pay for compiling.
  for (const depth of DEPTHS) {
    await measure(viaCall, depth, Math.ceil(switches(n, depth, false) / 5));
    await measure(viaYield, depth, Math.ceil(switches(n, depth, true) / 5));
  }
  const runs: DepthRun[] = [];
  for (const depth of DEPTHS) runs.push(await measure(viaCall, depth, switches(n, depth, false)));
  const plain: Record<string, number> = {};
  for (const depth of DEPTHS) {
    const r = await measure(viaYield, depth, switches(n, depth, true));
    plain[`plain${depth}`] = (r.ops / r.ms) * 1000;
  }
  reportDepths(runs, plain);
});
