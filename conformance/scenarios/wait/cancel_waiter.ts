// Cancelling a task blocked in wait() or iterating asCompleted() cancels only the waiting: the
// awaited tasks keep running.
import { asCompleted, CancelledError, createTask, sleep, type Task, wait } from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* job(name: string, delay: number) {
  yield* sleep(delay);
  print(now(), name, "finished");
  return name;
}

function* waiter(tasks: Task<string>[]) {
  try {
    yield* wait(tasks);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "waiter got", ename(e));
    throw e;
  }
}

function* iterate(aws: Task<string>[]) {
  try {
    for (const step of asCompleted(aws)) {
      const value = yield* step;
      print(now(), "as_completed gave", value);
    }
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "iterator got", ename(e));
    throw e;
  }
}

export default function* main() {
  const tasks = [createTask(job("x", 300)), createTask(job("y", 600))];
  const w = createTask(waiter(tasks));
  const i = createTask(iterate(tasks));
  yield* sleep(400);
  w.cancel();
  i.cancel();
  yield* sleep(0);
  yield* sleep(0);
  print(
    now(),
    "waiters cancelled",
    w.cancelled(),
    i.cancelled(),
    "tasks cancelled",
    tasks.map((t) => t.cancelled()),
  );
  yield* wait(tasks);
  print(
    now(),
    "results",
    tasks.map((t) => t.result()),
  );
}
