// Cancelling a task that awaits another task cancels the inner one too; both see CancelledError,
// inner first.
import { CancelledError, createTask, sleep, type Task } from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* inner() {
  try {
    yield* sleep(5000);
  } finally {
    print(now(), "inner finally");
  }
}

function* outer(t: Task<void>) {
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "outer caught", ename(e), "inner cancelled:", t.cancelled());
    throw e;
  }
}

export default function* main() {
  const tIn = createTask(inner());
  const tOut = createTask(outer(tIn));
  yield* sleep(1000);
  print(now(), "cancel outer ->", tOut.cancel());
  print("inner cancelling", tIn.cancelling(), "outer cancelling", tOut.cancelling());
  yield* sleep(0);
  print("after 1 iteration: inner done", tIn.done(), "outer done", tOut.done());
  yield* sleep(0);
  print("after 2 iterations: inner done", tIn.done(), "outer done", tOut.done());
  yield* sleep(0);
  print("after 3 iterations: inner done", tIn.done(), "outer done", tOut.done());
  print("inner cancelled", tIn.cancelled(), "outer cancelled", tOut.cancelled());
}
