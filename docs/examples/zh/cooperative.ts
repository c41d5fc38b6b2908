import { createTask, sleep } from "corio";

// 模拟从不等待的 CPU 计算：没有定时器，也没有 I/O。
function crunch(): number {
  let sum = 0;
  for (let i = 0; i < 100_000; i++) sum += i % 7;
  return sum;
}

function* polite(name: string) {
  for (let chunk = 1; chunk <= 3; chunk++) {
    crunch();
    console.log(`${name}: chunk ${chunk}`);
    yield* sleep(0); // 让其他任务也轮到一次
  }
}

function* greedy() {
  for (let chunk = 1; chunk <= 3; chunk++) {
    crunch();
    console.log(`greedy: chunk ${chunk}`);
  }
  yield* sleep(0); // greedy 第一次交出控制权
  console.log("greedy: done");
}

export function* main() {
  const tasks = [
    createTask(polite("A"), { name: "A" }),
    createTask(polite("B"), { name: "B" }),
    createTask(greedy(), { name: "greedy" }),
  ];
  for (const task of tasks) yield* task;
}
