import { createTask, getRunningLoop, sleep } from "corio";

function* ticker() {
  const loop = getRunningLoop();
  for (let i = 1; i <= 3; i++) {
    console.log(`ticker: tick ${i} at ${loop.time()} ms`);
    yield* sleep(300);
  }
}

function* fetchTotal() {
  console.log("fetchTotal: asking the server");
  yield* sleep(1000); // 模拟一次网络往返
  return 42;
}

export function* main() {
  const loop = getRunningLoop();
  const tick = createTask(ticker(), { name: "ticker" });
  // 立即进入 fetchTotal；执行到它的 sleep 时，main 交出控制权，
  // main 等待期间，ticker 在运行。
  const total = yield* fetchTotal();
  // 被调用者执行完毕：main 拿到返回值，重新握有控制权。
  console.log(`main: total is ${total} at ${loop.time()} ms`);
  yield* tick;
}
