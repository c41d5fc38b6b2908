// W4 on Effect 4: n forked fibers sleeping i % 1000 ms, joined with Fiber.joinAll.
import { Effect, Fiber } from "effect";
import { check, heapAfterGc, now, params, program, report } from "../harness.js";

program(async () => {
  const { n } = params();
  let woke = 0;
  let started = 0;
  let heapPerTask = 0;
  const sleeper = (i: number) =>
    Effect.gen(function* () {
      started++;
      yield* Effect.sleep(i % 1000);
      woke++;
      return i;
    });
  const base = heapAfterGc();
  const t0 = now();
  const results = await Effect.runPromise(
    Effect.gen(function* () {
      const fibers = [];
      for (let i = 0; i < n; i++) fibers.push(yield* Effect.forkChild(sleeper(i)));
      // Wait until every fiber has started and parked on its sleep (the scheduler may give the
      // host a turn before it has started them all).
      while (started < n) yield* Effect.yieldNow;
      heapPerTask = (heapAfterGc() - base) / n;
      return yield* Fiber.joinAll(fibers);
    }),
  );
  let sum = 0;
  for (const r of results) sum += r;
  const ms = now() - t0;
  check(woke === n && sum === (n * (n - 1)) / 2, `every sleeper woke (${woke})`);
  report({ ms, heapPerTask });
});
