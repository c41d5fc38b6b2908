import { getRunningLoop, sleep } from "corio";

/** Calls `check` every `everyMs` until it returns true; returns how many checks it took. */
export function* pollUntil(check: () => boolean, everyMs: number) {
  let checks = 1;
  while (!check()) {
    yield* sleep(everyMs);
    checks++;
  }
  return checks;
}

export function* main() {
  const loop = getRunningLoop();
  let calls = 0;
  const serverIsUp = () => ++calls === 4; // up on the fourth look
  const checks = yield* pollUntil(serverIsUp, 15 * 60_000);
  console.log(`up after ${checks} checks, ${loop.time() / 60_000} minutes of loop time`);
}
