// waitFor(): on timeout the inner operation is cancelled and waited for until its finally
// blocks are done (even if cleanup takes time), then TimeoutError is raised.
import { createTask, sleep, TimeoutError, waitFor } from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* download() {
  try {
    print(now(), "download starts");
    yield* sleep(5000);
    return "data";
  } finally {
    print(now(), "download cleanup starts");
    yield* sleep(50);
    print(now(), "download cleanup done");
  }
}

export default function* main() {
  try {
    yield* waitFor(download(), 100);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(now(), "wait_for raised", ename(e));
  }

  const task = createTask(download());
  try {
    yield* waitFor(task, 200);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(now(), "wait_for(task) raised", ename(e), "task cancelled:", task.cancelled());
  }
}
