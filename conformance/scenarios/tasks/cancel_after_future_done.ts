// A task whose awaited future completed but which has not resumed yet can still be cancelled:
// it resumes with CancelledError and the result is dropped.
import { CancelledError, createTask, type Future, getRunningLoop, sleep } from "corio";
import { ename, print } from "../../harness/trace.js";

function* waiter(fut: Future<string>) {
  try {
    const value = yield* fut;
    print("waiter got", value);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("waiter cancelled although fut is done:", fut.done(), ename(e));
    throw e;
  }
}

export default function* main() {
  const fut = getRunningLoop().createFuture<string>() as Future<string>;
  const t = createTask(waiter(fut));
  yield* sleep(0);
  fut.setResult("value");
  print("cancel ->", t.cancel(), "fut.cancelled()", fut.cancelled());
  yield* sleep(0);
  yield* sleep(0);
  print("task cancelled", t.cancelled());
}
