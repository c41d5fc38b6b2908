// W6 on native timers: n setTimeout calls at random delays of 0-100 ms, every other one cleared.
import { check, now, params, prng, program, report } from "../harness.js";

program(async () => {
  const { n } = params();
  const random = prng(42);
  let fired = 0;
  let wrong = 0;
  const t0 = now();
  await new Promise<void>((resolve) => {
    const expected = n >> 1;
    const fire = (i: number) => {
      if (i & 1) wrong++;
      if (++fired === expected) resolve();
    };
    const handles = [];
    for (let i = 0; i < n; i++) {
      const delay = Math.floor(random() * 101);
      handles.push(setTimeout(() => fire(i), delay));
    }
    for (let i = 1; i < n; i += 2) clearTimeout(handles[i]);
  });
  const ms = now() - t0;
  check(
    fired === n >> 1 && wrong === 0,
    `exactly the live timers fired (${fired}, ${wrong} cleared ones)`,
  );
  report({ ms, ops: n });
});
