// Seed tutorial: the twelve numbered steps of two tasks, work_1 (1 s) and work_2 (2 s).
import { createTask, sleep } from "corio";
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
  const task1 = createTask(work1());
  const task2 = createTask(work2());
  print(now(), "before await");
  yield* task1;
  print(now(), "awaited work_1");
  yield* task2;
  print(now(), "awaited work_2");
}
