// W6 on corio: n timers at random delays of 0-100 ms (loop.callLater), every other one cancelled.
import { getRunningLoop, run } from "corio";
import { check, now, params, prng, program, report } from "../harness.js";

program(async () => {
  const { n } = params();
  const random = prng(42);
  let fired = 0;
  let wrong = 0;
  const t0 = now();
  await run(function* () {
    const loop = getRunningLoop();
    const done = loop.createFuture<void>();
    const expected = n >> 1;
    const fire = (i: number) => {
      if (i & 1) wrong++;
      if (++fired === expected) done.setResult(undefined);
    };
    const handles = [];
    for (let i = 0; i < n; i++) {
      const delay = Math.floor(random() * 101);
      handles.push(loop.callLater(delay, () => fire(i)));
    }
    for (let i = 1; i < n; i += 2) handles[i]!.cancel();
    yield* done;
  });
  const ms = now() - t0;
  check(
    fired === n >> 1 && wrong === 0,
    `exactly the live timers fired (${fired}, ${wrong} cancelled ones)`,
  );
  report({ ms, ops: n });
});
