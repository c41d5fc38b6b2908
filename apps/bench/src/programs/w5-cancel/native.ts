// W5 on native promises: n async functions parked on an abortable timer, one AbortController each,
// all aborted; every finally block must run.
import { check, now, params, program, report } from "../harness.js";

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const id = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(id);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

program(async () => {
  const { n } = params();
  let finallies = 0;
  async function parked(signal: AbortSignal) {
    try {
      await sleep(3_600_000, signal);
    } finally {
      finallies++;
    }
  }
  const controllers = [];
  const promises = [];
  for (let i = 0; i < n; i++) {
    const c = new AbortController();
    controllers.push(c);
    promises.push(parked(c.signal));
  }
  await null;
  const t0 = now();
  for (const c of controllers) c.abort();
  const outcomes = await Promise.allSettled(promises);
  const ms = now() - t0;
  const cancelled = outcomes.filter((o) => o.status === "rejected").length;
  check(
    finallies === n && cancelled === n,
    `every call was aborted (${cancelled}) and ran its finally (${finallies})`,
  );
  report({ ms, ops: n });
});
