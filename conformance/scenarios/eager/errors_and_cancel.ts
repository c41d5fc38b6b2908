// Eager tasks and errors: an exception in the eager step ends the task (createTask itself does
// not throw); a task that cancels itself before suspending ends cancelled; an eager task created
// inside another task's eager step runs nested, before its creator resumes; a suspended eager
// task is cancelled at its yield* like any other.
import {
  CancelledError,
  createTask,
  currentTask,
  eagerTaskFactory,
  getRunningLoop,
  sleep,
} from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* boom(): Generator<never, void> {
  print("boom runs");
  throw new TypeError("bad");
}

function* selfCancel() {
  currentTask()!.cancel();
  print("self_cancel keeps going until it awaits");
  yield* sleep(0);
  print("never printed");
}

function* inner() {
  print("inner start, current", currentTask()!.getName());
  yield* sleep(100);
  print(now(), "inner end");
}

function* outer() {
  print("outer start");
  const child = createTask(inner(), { name: "inner" });
  print("outer after creating inner, current", currentTask()!.getName());
  yield* child;
  print(now(), "outer end");
}

function* sleeper() {
  try {
    print("sleeper waits");
    yield* sleep(10_000);
  } catch (e) {
    if (e instanceof CancelledError) print(now(), "sleeper cancelled");
    throw e;
  }
}

export default function* main() {
  currentTask()!.setName("main");
  getRunningLoop().setTaskFactory(eagerTaskFactory);
  const b = createTask(boom(), { name: "boom" });
  print("boom done", b.done(), "exception", ename(b.exception()));
  const c = createTask(selfCancel(), { name: "self_cancel" });
  print("self_cancel done", c.done());
  yield* sleep(0);
  print("self_cancel cancelled", c.cancelled());
  const o = createTask(outer(), { name: "outer" });
  print("outer created");
  const s = createTask(sleeper(), { name: "sleeper" });
  yield* sleep(50);
  s.cancel();
  yield* sleep(0);
  print(now(), "sleeper cancelled()", s.cancelled());
  yield* o;
  print(now(), "main end");
}
