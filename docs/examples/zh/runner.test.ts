import { createTask, getRunningLoop, Runner, sleep, type Task } from "corio";
import { expect, it } from "vitest";

function* heartbeat(log: string[]) {
  for (;;) {
    yield* sleep(100);
    log.push(`beat at ${getRunningLoop().time()} ms`);
  }
}

it("keeps one loop, and its tasks, across several runs", async () => {
  const log: string[] = [];
  const runner = new Runner({ clock: "virtual" });
  try {
    // 第一次运行：启动一个后台任务，让它一直跑着。
    let beat: Task<void> | undefined;
    await runner.run(function* () {
      beat = createTask(heartbeat(log), { name: "heartbeat" });
      yield* sleep(250);
    });
    log.push("first run over");
    // 第二次运行用的是同一个事件循环：心跳接着上次继续。
    await runner.run(function* () {
      yield* sleep(100);
    });
    log.push(`heartbeat still alive: ${!beat?.done()}`);
  } finally {
    // 取消心跳任务，等它结束，再关闭事件循环。
    await runner.close();
  }
  expect(log).toEqual([
    "beat at 100 ms",
    "beat at 200 ms",
    "first run over",
    "beat at 300 ms",
    "heartbeat still alive: true",
  ]);
});
