import { getRunningLoop, sleep } from "corio";

/**
 * 每隔 `everyMs` 调用一次 `check`，直到它返回 true；返回一共检查了几次。
 */
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
  const serverIsUp = () => ++calls === 4; // 第四次检查时才就绪
  const checks = yield* pollUntil(serverIsUp, 15 * 60_000);
  console.log(`up after ${checks} checks, ${loop.time() / 60_000} minutes of loop time`);
}
