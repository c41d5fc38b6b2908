import { getRunningLoop, sleep } from "corio";

export function* main() {
  const loop = getRunningLoop();
  const at = () => `${loop.time()} ms`;
  // 每次调用只是登记一个事件；main 把控制权交还给事件循环之前，
  // 什么都不会执行。
  loop.callLater(2000, () => console.log(`${at()}: the 2 s timer fires`));
  loop.callLater(500, () => console.log(`${at()}: the 0.5 s timer fires`));
  loop.callSoon(() => console.log(`${at()}: the callSoon callback runs`));
  console.log(`${at()}: main booked three events and now sleeps`);
  yield* sleep(3000);
  console.log(`${at()}: main wakes up`);
}
