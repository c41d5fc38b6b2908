import { createTask, eagerTaskFactory, getRunningLoop, sleep } from "corio";

function* work1() {
  // 在 createTask 内部运行：此时 main 正停在第 2 步中间。
  console.log("work_1 start");
  // work_1 第一次挂起：createTask 把 task1 返回给 main。
  yield* sleep(1000);
  console.log("work_1 end");
}

function* work2() {
  // work_2 同理，在第二次 createTask 内部运行。
  console.log("work_2 start");
  yield* sleep(2000);
  console.log("work_2 end");
}

export function* main() {
  // 从这里开始，这个事件循环上创建的任务都会立即启动。
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  const task1 = createTask(work1(), { name: "work_1" });
  console.log("task1 created");
  const task2 = createTask(work2(), { name: "work_2" });
  console.log("task2 created");
  console.log("before await");
  // 两个任务都已在等各自的定时器；之后的流程与
  // 非立即启动时完全相同。
  yield* task1;
  console.log("awaited work_1");
  yield* task2;
  console.log("awaited work_2");
}
