import { createTask, eagerTaskFactory, gatherAll, run, type Task } from "corio";
function* work(i: number) { return i * 2; }
const n = 200_000;
let best = Infinity;
for (let rep = 0; rep < 9; rep++) {
  const c0 = process.cpuUsage();
  await run(function* () {
    const tasks: Task<number>[] = [];
    for (let i = 0; i < n; i++) tasks.push(createTask(work(i)));
    return (yield* gatherAll(tasks)).length;
  }, { taskFactory: eagerTaskFactory });
  const c = process.cpuUsage(c0); best = Math.min(best, (c.user + c.system) / 1000);
}
console.log(process.argv[2], "best cpu ms", best.toFixed(0), (n / best / 1000).toFixed(2) + "M/s");
