// W2 on corio: two tasks each give up control n times with sleep(0).
import { type Coroutine, createTask, run, sleep } from "corio";
import { check, now, params, program, report } from "../harness.js";

program(async () => {
  const { n } = params();
  let last = -1;
  let alternations = 0;
  function* switcher(id: number): Coroutine<number> {
    for (let i = 0; i < n; i++) {
      if (last !== id) {
        alternations++;
        last = id;
      }
      yield* sleep(0);
    }
    return n;
  }
  const t0 = now();
  const total = await run(function* () {
    const a = createTask(switcher(0));
    const b = createTask(switcher(1));
    return (yield* a) + (yield* b);
  });
  const ms = now() - t0;
  check(total === 2 * n, `both tasks finished (${total})`);
  check(alternations >= n, `the tasks took turns (${alternations} alternations)`);
  report({ ms, ops: 2 * n, alternations });
});
