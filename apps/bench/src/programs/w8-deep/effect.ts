// W8 on Effect 4: two fibers each descend `depth` nested Effect.gen calls and switch with
// Effect.yieldNow at the bottom. Effect runs effects on its own trampoline, so depth costs little.
import { Effect, Fiber } from "effect";
import { check, now, params, program } from "../harness.js";
import { DEPTHS, type DepthRun, reportDepths, switches } from "./common.js";

program(async () => {
  const { n } = params();

  const bottom = (k: number) =>
    Effect.gen(function* () {
      for (let i = 0; i < k; i++) yield* Effect.yieldNow;
      return k;
    });
  const chain = (depth: number, k: number): Effect.Effect<number> =>
    depth === 0
      ? bottom(k)
      : Effect.gen(function* () {
          return yield* chain(depth - 1, k);
        });

  async function measure(depth: number, k: number): Promise<DepthRun> {
    const t0 = now();
    const total = await Effect.runPromise(
      Effect.gen(function* () {
        const a = yield* Effect.forkChild(chain(depth, k));
        const b = yield* Effect.forkChild(chain(depth, k));
        return (yield* Fiber.join(a)) + (yield* Fiber.join(b));
      }),
    );
    const ms = now() - t0;
    check(total === 2 * k, `depth ${depth}: both fibers finished (${total})`);
    return { depth, ms, ops: 2 * k };
  }

  // An untimed warm-up over every depth (a fifth of the switches), so that the depth measured
  // first does not pay for compiling.
  for (const depth of DEPTHS) await measure(depth, Math.ceil(switches(n, depth, false) / 5));
  const runs: DepthRun[] = [];
  for (const depth of DEPTHS) runs.push(await measure(depth, switches(n, depth, false)));
  reportDepths(runs);
});
