// A task that cancels itself keeps running until its next await, where CancelledError arrives.
// A cancellation withdrawn with uncancel() before the task's first step is dropped (3.13).
import { CancelledError, createTask, currentTask, sleep } from "corio";
import { ename, print } from "../../harness/trace.js";

function* selfCanceller() {
  const me = currentTask()!;
  print("cancel myself ->", me.cancel());
  print("still running; cancelling", me.cancelling());
  try {
    yield* sleep(0);
    print("not reached");
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("at the await:", ename(e));
    throw e;
  }
}

function* body() {
  print("body ran; cancelling", currentTask()!.cancelling());
  return "ran";
}

export default function* main() {
  const t = createTask(selfCanceller());
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("self_canceller cancelled", t.cancelled());
  }
  const t2 = createTask(body());
  t2.cancel();
  print("uncancel ->", t2.uncancel());
  const result = yield* t2;
  print("result", result, "cancelled", t2.cancelled());
}
