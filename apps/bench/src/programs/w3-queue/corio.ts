// W3 on corio: a bounded Queue (maxsize 100); p producers put n items in all, c consumers get them.
import { createTask, gather, Queue, run, type Task } from "corio";
import { check, now, params, program, report } from "../harness.js";

program(async () => {
  const { n, producers = 1, consumers = 1 } = params();
  const t0 = now();
  const sums: number[] = await run(function* () {
    const queue = new Queue<number>(100);
    function* producer(p: number) {
      for (let i = p; i < n; i += producers) yield* queue.put(i);
      return 0;
    }
    function* consumer() {
      let sum = 0;
      for (let k = 0; k < n / consumers; k++) sum += yield* queue.get();
      return sum;
    }
    const tasks: Task<number>[] = [];
    for (let p = 0; p < producers; p++) tasks.push(createTask(producer(p)));
    for (let c = 0; c < consumers; c++) tasks.push(createTask(consumer()));
    return yield* gather(...tasks);
  });
  const ms = now() - t0;
  const sum = sums.reduce((a, b) => a + b, 0);
  check(sum === (n * (n - 1)) / 2, `every item arrived exactly once (sum ${sum})`);
  report({ ms, ops: n });
});
