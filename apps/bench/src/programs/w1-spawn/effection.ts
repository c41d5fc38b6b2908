// W1 on Effection 4: n spawned tasks of a trivial operation, joined with all().
import { all, run, spawn } from "effection";
import { check, now, params, program, report } from "../harness.js";

function* work(i: number) {
  return i * 2;
}

program(async () => {
  const { n } = params();
  const t0 = now();
  const results = await run(function* () {
    const tasks = [];
    for (let i = 0; i < n; i++) tasks.push(yield* spawn(() => work(i)));
    return yield* all(tasks);
  });
  let sum = 0;
  for (const r of results) sum += r;
  const ms = now() - t0;
  check(sum === n * (n - 1), `every task's result was gathered (${sum})`);
  report({ ms, ops: n });
});
