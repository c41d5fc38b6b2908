import { createTask, sleep, type Task } from "corio";

function* fetchScore(player: string, ms: number) {
  yield* sleep(ms);
  return player.length * 10;
}

export function* main() {
  const task = createTask(fetchScore("ada", 1500), { name: "score:ada" });
  // 回调拿到的是已完成的任务。它由事件循环调用，绝不在任务内部执行。
  task.addDoneCallback((done: Task<number>) => {
    console.log(`callback: ${done.getName()} finished with ${done.result()}`);
  });
  console.log("callback registered, main keeps going");
  const score = yield* task;
  console.log(`main got ${score}`);
}
