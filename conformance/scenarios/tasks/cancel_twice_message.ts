// A task cancelled twice while it waits sees the first message: the second cancel() only marks
// the task, and the CancelledError it resumes with is the one its waiter was cancelled with.
import { CancelledError, createTask, currentTask, sleep } from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* sleeper() {
  try {
    yield* sleep(1000);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "sleeper sees", `[${e.message}]`, "cancelling", currentTask()!.cancelling());
    throw e;
  }
}

export default function* main() {
  const t = createTask(sleeper());
  yield* sleep(100);
  print("first ->", t.cancel("first"), "second ->", t.cancel("second"));
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "awaiter got", ename(e), `[${e.message}]`);
  }
}
