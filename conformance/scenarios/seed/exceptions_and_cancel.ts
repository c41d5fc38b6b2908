// Seed tutorial ("进阶"): gather with returnExceptions collects a result, an exception and a
// cancellation instead of raising; task.cancel() cancels a worker.
import { createTask, gather, sleep } from "corio";
import { now, print, show } from "../../harness/trace.js";

class ZeroDivisionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZeroDivisionError";
  }
}

function divide(a: number, b: number): number {
  if (b === 0) throw new ZeroDivisionError("division by zero");
  return a / b;
}

function* worker1() {
  yield* sleep(1000);
  return 1;
}

function* worker2() {
  yield* sleep(2000);
  return divide(2, 0);
}

function* worker3() {
  yield* sleep(3000);
  return 3;
}

export default function* main() {
  const task1 = createTask(worker1());
  const task2 = createTask(worker2());
  const task3 = createTask(worker3());
  yield* sleep(2000);
  task3.cancel();
  const res = yield* gather(task1, task2, task3, { returnExceptions: true });
  print(now(), res.map(show));
}
