// W4 on Effection 4: n spawned tasks sleeping i % 1000 ms, joined with all().
import { all, run, sleep, spawn } from "effection";
import { check, heapAfterGc, now, params, program, report } from "../harness.js";

program(async () => {
  const { n } = params();
  let woke = 0;
  let started = 0;
  let heapPerTask = 0;
  function* sleeper(i: number) {
    started++;
    yield* sleep(i % 1000);
    woke++;
    return i;
  }
  const base = heapAfterGc();
  const t0 = now();
  const results = await run(function* () {
    const tasks = [];
    for (let i = 0; i < n; i++) tasks.push(yield* spawn(() => sleeper(i)));
    while (started < n) yield* sleep(0); // until every task has started and parked on its sleep
    heapPerTask = (heapAfterGc() - base) / n;
    return yield* all(tasks);
  });
  let sum = 0;
  for (const r of results) sum += r;
  const ms = now() - t0;
  check(woke === n && sum === (n * (n - 1)) / 2, `every sleeper woke (${woke})`);
  report({ ms, heapPerTask });
});
