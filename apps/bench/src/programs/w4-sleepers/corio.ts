// W4 on corio: n tasks sleeping i % 1000 ms, joined; wall time and heap per pending task.
import { createTask, run, sleep, type Task } from "corio";
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
  const sum = await run(function* () {
    const tasks: Task<number>[] = [];
    for (let i = 0; i < n; i++) tasks.push(createTask(sleeper(i)));
    while (started < n) yield* sleep(0); // until every task has started and parked on its sleep
    heapPerTask = (heapAfterGc() - base) / n;
    let s = 0;
    for (const t of tasks) s += yield* t;
    return s;
  });
  const ms = now() - t0;
  check(woke === n && sum === (n * (n - 1)) / 2, `every sleeper woke (${woke})`);
  report({ ms, heapPerTask });
});
