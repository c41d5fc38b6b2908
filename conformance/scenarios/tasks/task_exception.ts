// An exception escaping a task's coroutine becomes the task's exception: awaiting re-raises it,
// exception() returns it, and two awaiters both see it.
import { createTask, sleep, type Task } from "corio";
import { ename, now, print, ValueError } from "../../harness/trace.js";

function* failing(): Generator<any, void, any> {
  yield* sleep(300);
  throw new ValueError("boom");
}

function* watcher(t: Task<void>) {
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print(now(), "watcher caught", ename(e), e);
  }
}

export default function* main() {
  const t = createTask(failing());
  const w = createTask(watcher(t));
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print(now(), "main caught", ename(e), e);
  }
  yield* w;
  print("done", t.done(), "cancelled", t.cancelled(), "exception", ename(t.exception()));
  try {
    t.result();
  } catch (e) {
    print("result() raises", ename(e));
  }
}
