// W4 on native promises: n async functions awaiting a setTimeout promise of i % 1000 ms.
import { check, heapAfterGc, now, params, program, report } from "../harness.js";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

program(async () => {
  const { n } = params();
  let woke = 0;
  async function sleeper(i: number) {
    await sleep(i % 1000);
    woke++;
    return i;
  }
  const base = heapAfterGc();
  const t0 = now();
  const promises = [];
  for (let i = 0; i < n; i++) promises.push(sleeper(i));
  const heapPerTask = (heapAfterGc() - base) / n; // every call is parked on its timer
  const results = await Promise.all(promises);
  let sum = 0;
  for (const r of results) sum += r;
  const ms = now() - t0;
  check(woke === n && sum === (n * (n - 1)) / 2, `every sleeper woke (${woke})`);
  report({ ms, heapPerTask });
});
