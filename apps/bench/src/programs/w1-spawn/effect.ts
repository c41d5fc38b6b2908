// W1 on Effect 4: n forked fibers of a trivial effect, joined with Fiber.joinAll.
import { Effect, Fiber } from "effect";
import { check, now, params, program, report } from "../harness.js";

const work = (i: number) => Effect.sync(() => i * 2);

program(async () => {
  const { n } = params();
  const t0 = now();
  const results = await Effect.runPromise(
    Effect.gen(function* () {
      const fibers = [];
      for (let i = 0; i < n; i++) fibers.push(yield* Effect.forkChild(work(i)));
      return yield* Fiber.joinAll(fibers);
    }),
  );
  let sum = 0;
  for (const r of results) sum += r;
  const ms = now() - t0;
  check(sum === n * (n - 1), `every fiber's result was gathered (${sum})`);
  report({ ms, ops: n });
});
