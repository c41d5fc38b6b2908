// 测试一页（docs/guide/testing.md、docs/zh/guide/testing.md）
// 里手动时钟的代码片段
// 就是下面这一段，原样引入页面：它在这里作为测试运行。
import { manualLoop } from "@corio/task/testing";
import { sleep } from "corio";
import { expect, it } from "vitest";

// #region manual
function* pollUntil(check: () => boolean, every: number) {
  while (!check()) yield* sleep(every);
}

it("checks once a second until the flag is up", () => {
  let ready = false;
  let checks = 0;
  const check = () => {
    checks++;
    return ready;
  };
  const loop = manualLoop();
  const task = loop.createTask(pollUntil(check, 1000));
  loop.advance(0); // 任务运行到第一次等待处
  expect(checks).toBe(1);
  loop.advance(1000); // 1 秒之后：第二次检查
  expect(checks).toBe(2);
  expect(task.done()).toBe(false);
  ready = true;
  loop.advance(1000);
  expect(task.done()).toBe(true);
  loop.close();
});
// #endregion manual
