// Cancelling a task inside wait() raises CancelledError there and does not stop the child: it is
// still running afterwards, until killed.

import { createSubprocessExec } from "@corio/subprocess";
import { CancelledError, createTask, sleep } from "corio";
import { ename, print } from "../../harness/trace.js";

export default function* main() {
  const proc = yield* createSubprocessExec("sleep", ["30"]);
  const waiter = createTask(proc.wait());
  yield* sleep(50);
  waiter.cancel();
  try {
    yield* waiter;
  } catch (e) {
    if (e instanceof CancelledError) print("waiter:", ename(e));
  }
  yield* sleep(50);
  print("returncode after cancel", proc.returncode);
  proc.kill();
  print("wait after kill", yield* proc.wait());
}
