// W3 on Effect 4: Queue.bounded(100); p producer fibers offer n items in all, c consumers take.
import { Effect, Fiber, Queue } from "effect";
import { check, now, params, program, report } from "../harness.js";

program(async () => {
  const { n, producers = 1, consumers = 1 } = params();
  const t0 = now();
  const sums = await Effect.runPromise(
    Effect.gen(function* () {
      const queue = yield* Queue.bounded<number>(100);
      const producer = (p: number) =>
        Effect.gen(function* () {
          for (let i = p; i < n; i += producers) yield* Queue.offer(queue, i);
          return 0;
        });
      const consumer = Effect.gen(function* () {
        let sum = 0;
        for (let k = 0; k < n / consumers; k++) sum += yield* Queue.take(queue);
        return sum;
      });
      const fibers = [];
      for (let p = 0; p < producers; p++) fibers.push(yield* Effect.forkChild(producer(p)));
      for (let c = 0; c < consumers; c++) fibers.push(yield* Effect.forkChild(consumer));
      return yield* Fiber.joinAll(fibers);
    }),
  );
  const ms = now() - t0;
  const sum = sums.reduce((a, b) => a + b, 0);
  check(sum === (n * (n - 1)) / 2, `every item arrived exactly once (sum ${sum})`);
  report({ ms, ops: n });
});
