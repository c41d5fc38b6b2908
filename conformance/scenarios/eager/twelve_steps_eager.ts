// Seed tutorial's twelve steps under the eager task factory: each task runs up to its first sleep
// inside createTask, so "work_1 start" and "work_2 start" come before "before await".
import { createTask, eagerTaskFactory, getRunningLoop, sleep } from "corio";
import { now, print } from "../../harness/trace.js";

function* work1() {
  print(now(), "work_1 start");
  yield* sleep(1000);
  print(now(), "work_1 end");
}

function* work2() {
  print(now(), "work_2 start");
  yield* sleep(2000);
  print(now(), "work_2 end");
}

export default function* main() {
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  const task1 = createTask(work1());
  print(now(), "created task1");
  const task2 = createTask(work2());
  print(now(), "created task2");
  print(now(), "before await");
  yield* task1;
  print(now(), "awaited work_1");
  yield* task2;
  print(now(), "awaited work_2");
}
