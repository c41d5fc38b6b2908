// Awaiting a future or task that is already done returns at once without giving up control:
// a task created just before does not get to run in between.
import { createTask, getRunningLoop, sleep } from "corio";
import { now, print } from "../../harness/trace.js";

function* other() {
  print("other ran");
}

function* answer() {
  return 42;
}

export default function* main() {
  const loop = getRunningLoop();
  const fut = loop.createFuture<string>();
  fut.setResult("ready");
  const doneTask = createTask(answer());
  yield* sleep(0);
  yield* sleep(0);
  print("done_task.done()", doneTask.done());
  createTask(other());
  print("await fut ->", yield* fut);
  print("await done_task ->", yield* doneTask);
  print("still before other");
  yield* sleep(0);
  print(now(), "after a real yield");
}
