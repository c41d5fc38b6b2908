// W1e on native promises: an async function runs eagerly up to its first await, so this is W1's
// native program again, the floor for eager tasks: n calls gathered with Promise.all.
import { check, now, params, program, report } from "../harness.js";

async function work(i: number) {
  return i * 2;
}

program(async () => {
  const { n } = params();
  const t0 = now();
  const promises = [];
  for (let i = 0; i < n; i++) promises.push(work(i));
  const results = await Promise.all(promises);
  let sum = 0;
  for (const r of results) sum += r;
  const ms = now() - t0;
  check(sum === n * (n - 1), `every result was gathered (${sum})`);
  report({ ms, ops: n });
});
