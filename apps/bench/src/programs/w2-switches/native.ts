// W2 on native async functions: `await null` is the platform's cheapest way to give up control.
import { check, now, params, program, report } from "../harness.js";

program(async () => {
  const { n } = params();
  let last = -1;
  let alternations = 0;
  async function switcher(id: number) {
    for (let i = 0; i < n; i++) {
      if (last !== id) {
        alternations++;
        last = id;
      }
      await null;
    }
    return n;
  }
  const t0 = now();
  const [a, b] = await Promise.all([switcher(0), switcher(1)]);
  const ms = now() - t0;
  check(a + b === 2 * n, `both functions finished (${a + b})`);
  check(alternations >= n, `the functions took turns (${alternations} alternations)`);
  report({ ms, ops: 2 * n, alternations });
});
