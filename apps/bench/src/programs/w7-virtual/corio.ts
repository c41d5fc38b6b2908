// W7 on corio: n tasks sleeping i % 1000 SECONDS under the virtual clock. Reports how many times
// faster than real time it ran, and checks the wake-up order against the real clock's.
import { createTask, getRunningLoop, run, sleep } from "corio";
import { check, now, params, program, report } from "../harness.js";

/** Runs n sleepers of (i % classes) * unit ms; returns the order they woke in and the end time. */
async function sleepers(n: number, classes: number, unit: number, clock: "real" | "virtual") {
  const order: number[] = [];
  let end = 0;
  function* sleeper(i: number) {
    yield* sleep((i % classes) * unit);
    order.push(i);
  }
  await run(
    function* () {
      const start = getRunningLoop().time();
      const tasks = [];
      for (let i = 0; i < n; i++) tasks.push(createTask(sleeper(i)));
      for (const t of tasks) yield* t;
      end = getRunningLoop().time() - start;
    },
    { clock },
  );
  return { order, end };
}

/** The order asyncio's real clock gives: by deadline, and by creation for equal deadlines. */
function expectedOrder(n: number, classes: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < classes && c < n; c++) for (let i = c; i < n; i += classes) out.push(i);
  return out;
}

const same = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

program(async () => {
  const { n, realCheck } = params();
  const t0 = now();
  const { order, end } = await sleepers(n, 1000, 1000, "virtual");
  const ms = now() - t0;
  const simulated = Math.min(n, 1000) * 1000 - 1000;
  check(end === simulated, `virtual time reached ${simulated} ms (got ${end})`);
  check(same(order, expectedOrder(n, 1000)), "wake-ups came in deadline order, FIFO on ties");
  if (realCheck) {
    // The same shape on the real clock, 4 deadlines 500 ms apart (1.5 s of wall time): the
    // virtual run must wake the tasks in exactly the order the real one does. (The gap is wide so
    // that a busy machine, slow to start the tasks, cannot reorder them.)
    const m = Math.min(n, 10_000);
    const real = await sleepers(m, 4, 500, "real");
    const virtual = await sleepers(m, 4, 500, "virtual");
    check(same(real.order, virtual.order), "virtual and real clocks woke the tasks in one order");
  }
  report({ ms, simulatedMs: simulated, speedup: simulated / ms });
});
