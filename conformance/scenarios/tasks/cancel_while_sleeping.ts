// Cancelling a sleeping task throws CancelledError at its await; finally blocks run, the
// cancel message reaches the task and its awaiter.
import { CancelledError, createTask, sleep } from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* sleeper() {
  try {
    print(now(), "sleeper sleeps 1 s");
    yield* sleep(1000);
    print("not reached");
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "sleeper caught", ename(e), `[${e.message}]`);
    throw e;
  } finally {
    print(now(), "sleeper finally");
  }
}

export default function* main() {
  const t = createTask(sleeper());
  yield* sleep(250);
  print(now(), "main cancels:", t.cancel("stop now"));
  print("done right after cancel()", t.done());
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "main caught", ename(e), `[${e.message}]`);
  }
  print("cancelled", t.cancelled());
}
