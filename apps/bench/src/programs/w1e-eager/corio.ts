// W1e on corio with eager tasks: W1's n trivial coroutines, each made by `eagerTaskFactory`, so it
// runs inside `createTask` and is done on return (no trip through the ready queue), then gathered.
import { createTask, eagerTaskFactory, gatherAll, run, type Task } from "corio";
import { check, now, params, program, report } from "../harness.js";

function* work(i: number) {
  return i * 2;
}

program(async () => {
  const { n } = params();
  const t0 = now();
  const sum = await run(
    function* () {
      const tasks: Task<number>[] = [];
      for (let i = 0; i < n; i++) tasks.push(createTask(work(i)));
      let s = 0;
      for (const r of yield* gatherAll(tasks)) s += r;
      return s;
    },
    { taskFactory: eagerTaskFactory },
  );
  const ms = now() - t0;
  check(sum === n * (n - 1), `every task's result was gathered (${sum})`);
  report({ ms, ops: n });
});
