import { createTask, sleep } from "corio";

function* work1() {
  // 4. work_1 holds control.
  console.log("work_1 start");
  // 5. It gives control back and waits for its one-second sleep.
  yield* sleep(1000);
  // 8. The sleep is over: work_1 holds control again.
  console.log("work_1 end");
}

function* work2() {
  // 6. work_2 holds control.
  console.log("work_2 start");
  // 7. It gives control back too. Nothing is ready to run: the loop waits for the next timer.
  yield* sleep(2000);
  // 11. The two-second sleep is over: work_2 holds control again.
  console.log("work_2 end");
}

// 1. run() starts the event loop and makes main its first task.
export function* main() {
  // 2. Two tasks are created and queued on the loop; neither has started yet.
  const task1 = createTask(work1(), { name: "work_1" });
  const task2 = createTask(work2(), { name: "work_2" });
  console.log("before await");
  // 3. main gives up control until task1 is done; the loop starts task1, then task2.
  yield* task1;
  // 9. task1 is done: main holds control again.
  console.log("awaited work_1");
  // 10. main waits for task2.
  yield* task2;
  // 12. task2 is done: main holds control one last time.
  console.log("awaited work_2");
}
