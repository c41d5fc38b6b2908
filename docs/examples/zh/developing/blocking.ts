// 协程若埋头算上一大段、中间没有 yield*，其他所有任务都得跟着等。
// 调试模式（run(main, { debug: true })）会点名这种慢步骤。
import { createTask, sleep } from "corio";

function busyFor(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // 算哈希、做解析、死循环：这期间事件循环一步也动不了
  }
}

function* heartbeat() {
  for (let i = 0; i < 3; i++) {
    console.log(`heartbeat ${i}`);
    yield* sleep(100);
  }
}

export function* main() {
  const beat = createTask(heartbeat());
  yield* sleep(0);
  busyFor(150); // 堵住事件循环：本该在 100 ms 时跳的心跳跑不了
  console.log("main: computed for 150 ms");
  yield* beat;
}
