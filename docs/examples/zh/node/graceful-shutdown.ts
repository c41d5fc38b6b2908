// 一个长期运行的服务，收到 SIGTERM 就干净利落地停下：信号处理函数
// 设置一个 Event，主任务随之醒来，叫停各个工作者，再等它们各自收拾
// 完毕。需要 Node.js。
import { createTask, Event, getRunningLoop, sleep, wait } from "corio";

function* worker(name: string) {
  try {
    for (;;) yield* sleep(100); // 处理请求……
  } finally {
    console.log(`${name}: connections closed`);
  }
}

export function* main() {
  const loop = getRunningLoop();
  const stop = new Event();
  loop.addSignalHandler("SIGTERM", () => {
    console.log("SIGTERM: shutting down");
    stop.set();
  });
  const workers = [createTask(worker("worker 1")), createTask(worker("worker 2"))];
  console.log("serving");
  // 代替从外部执行的 `kill <pid>`，好让示例自己结束。
  loop.callLater(300, () => process.kill(process.pid, "SIGTERM"));
  yield* stop.wait();
  for (const w of workers) w.cancel();
  yield* wait(workers); // 等它们的 finally 块执行完
  loop.removeSignalHandler("SIGTERM");
  console.log("all clean, exiting");
}
