// 一个任务失败了，却没有谁在等它：corio 经由事件循环的异常处理器
// 报告这次失败，默认的处理器会把它打印到 stderr。
import { createTask, sleep } from "corio";

function* sendReport(): Generator<never, void, unknown> {
  throw new Error("mail server refused the report");
}

export function* main() {
  createTask(sendReport()); // 发出去就不管了：再也没人看这个任务一眼
  yield* sleep(1000);
  console.log("main: done after 1 s");
}
