// W5 on Effect 4: n forked fibers parked on a long sleep, all interrupted; every finalizer
// (Effect.ensuring, Effect's finally) must run.
import { Effect, Fiber } from "effect";
import { check, now, params, program, report } from "../harness.js";

program(async () => {
  const { n } = params();
  let finallies = 0;
  const parked = Effect.sleep("1 hour").pipe(Effect.ensuring(Effect.sync(() => void finallies++)));
  let ms = 0;
  await Effect.runPromise(
    Effect.gen(function* () {
      const fibers = [];
      for (let i = 0; i < n; i++) fibers.push(yield* Effect.forkChild(parked));
      yield* Effect.yieldNow; // every fiber is parked on its sleep
      const t0 = now();
      yield* Fiber.interruptAll(fibers);
      ms = now() - t0;
    }),
  );
  check(finallies === n, `every fiber ran its finalizer (${finallies})`);
  report({ ms, ops: n });
});
