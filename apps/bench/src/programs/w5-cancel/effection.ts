// W5 on Effection 4: n spawned tasks parked on a long sleep, all halted; every finally must run.
import { all, run, sleep, spawn } from "effection";
import { check, now, params, program, report } from "../harness.js";

program(async () => {
  const { n } = params();
  let finallies = 0;
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
    for (let i = 0; i < n; i++) tasks.push(yield* spawn(parked));
    yield* sleep(0); // every task is parked on its sleep
    const t0 = now();
    yield* all(tasks.map((t) => t.halt()));
    ms = now() - t0;
  });
  check(finallies === n, `every task ran its finally (${finallies})`);
  report({ ms, ops: n });
});
