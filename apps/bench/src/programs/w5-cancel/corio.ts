// W5 on corio: n tasks parked on a long sleep, all cancelled; every finally block must run. The
// tasks are awaited together, as the CPython program does with gather(..., return_exceptions=True).
import { createTask, gatherAll, isCancelledError, run, sleep } from "corio";
import { check, now, params, program, report } from "../harness.js";

program(async () => {
  const { n } = params();
  let finallies = 0;
  let cancelled = 0;
  function* parked() {
    try {
      yield* sleep(3_600_000);
    } finally {
      finallies++;
    }
  }
  let ms = 0;
  await run(function* () {
    const tasks = [];
    for (let i = 0; i < n; i++) tasks.push(createTask(parked()));
    yield* sleep(0); // every task is parked on its sleep
    const t0 = now();
    for (const t of tasks) t.cancel();
    const outcomes = yield* gatherAll(tasks, { returnExceptions: true });
    for (const outcome of outcomes) if (isCancelledError(outcome)) cancelled++;
    ms = now() - t0;
  });
  check(
    finallies === n && cancelled === n,
    `every task was cancelled (${cancelled}) and ran its finally (${finallies})`,
  );
  report({ ms, ops: n });
});
