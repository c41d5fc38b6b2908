import { createTask, eagerTaskFactory, getRunningLoop, sleep } from "corio";

function* work1() {
  // Runs inside createTask: main is paused in the middle of step 2.
  console.log("work_1 start");
  // work_1's first suspension: createTask returns task1 to main.
  yield* sleep(1000);
  console.log("work_1 end");
}

function* work2() {
  // The same for work_2, inside the second createTask.
  console.log("work_2 start");
  yield* sleep(2000);
  console.log("work_2 end");
}

export function* main() {
  // Every task made on this loop from now on starts eagerly.
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  const task1 = createTask(work1(), { name: "work_1" });
  console.log("task1 created");
  const task2 = createTask(work2(), { name: "work_2" });
  console.log("task2 created");
  console.log("before await");
  // Both tasks already wait on their timers; from here on the run is the
  // same as the lazy one.
  yield* task1;
  console.log("awaited work_1");
  yield* task2;
  console.log("awaited work_2");
}
