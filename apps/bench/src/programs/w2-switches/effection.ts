// W2 on Effection 4: it has no "yield now" (its sleep(0) is a setTimeout, ~1 ms each), so each task
// gives up control by awaiting a resolved promise: one microtask hop, its cheapest switch.
import { all, run, spawn, until } from "effection";
import { check, now, params, program, report } from "../harness.js";

program(async () => {
  const { n } = params();
  let last = -1;
  let alternations = 0;
  function* switcher(id: number) {
    for (let i = 0; i < n; i++) {
      if (last !== id) {
        alternations++;
        last = id;
      }
      yield* until(Promise.resolve());
    }
    return n;
  }
  const t0 = now();
  const [a, b] = await run(function* () {
    const ta = yield* spawn(() => switcher(0));
    const tb = yield* spawn(() => switcher(1));
    return yield* all([ta, tb]);
  });
  const ms = now() - t0;
  check(a + b === 2 * n, `both tasks finished (${a + b})`);
  check(alternations >= n, `the tasks took turns (${alternations} alternations)`);
  report({ ms, ops: 2 * n, alternations });
});
