// W2 on Effect 4: two fibers each yield n times with Effect.yieldNow.
import { Effect, Fiber } from "effect";
import { check, now, params, program, report } from "../harness.js";

program(async () => {
  const { n } = params();
  let last = -1;
  let alternations = 0;
  const switcher = (id: number) =>
    Effect.gen(function* () {
      for (let i = 0; i < n; i++) {
        if (last !== id) {
          alternations++;
          last = id;
        }
        yield* Effect.yieldNow;
      }
      return n;
    });
  const t0 = now();
  const total = await Effect.runPromise(
    Effect.gen(function* () {
      const a = yield* Effect.forkChild(switcher(0));
      const b = yield* Effect.forkChild(switcher(1));
      return (yield* Fiber.join(a)) + (yield* Fiber.join(b));
    }),
  );
  const ms = now() - t0;
  check(total === 2 * n, `both fibers finished (${total})`);
  check(alternations >= n, `the fibers took turns (${alternations} alternations)`);
  report({ ms, ops: 2 * n, alternations });
});
