import { createTask, sleep } from "corio";

function* work1() {
  // 4. work_1 拿到控制权。
  console.log("work_1 start");
  // 5. 它交出控制权，等待 1 秒的 sleep。
  yield* sleep(1000);
  // 8. sleep 结束：work_1 重新拿到控制权。
  console.log("work_1 end");
}

function* work2() {
  // 6. work_2 拿到控制权。
  console.log("work_2 start");
  // 7. 它也交出控制权。没有可运行的任务：事件循环等待下一个定时器。
  yield* sleep(2000);
  // 11. 2 秒的 sleep 结束：work_2 重新拿到控制权。
  console.log("work_2 end");
}

// 1. run() 启动事件循环，并把 main 作为第一个任务。
export function* main() {
  // 2. 创建两个任务并排进事件循环；两个都还没开始运行。
  const task1 = createTask(work1(), { name: "work_1" });
  const task2 = createTask(work2(), { name: "work_2" });
  console.log("before await");
  // 3. main 交出控制权，直到 task1 完成；事件循环先启动 task1，
  // 再启动 task2。
  yield* task1;
  // 9. task1 完成：main 重新拿到控制权。
  console.log("awaited work_1");
  // 10. main 等待 task2。
  yield* task2;
  // 12. task2 完成：main 最后一次拿到控制权。
  console.log("awaited work_2");
}
