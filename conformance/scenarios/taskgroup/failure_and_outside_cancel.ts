// When a child fails while the parent task is also being cancelled from outside, the
// ExceptionGroup wins, and the outside cancellation stays pending: the next await raises
// CancelledError.
import {
  CancelledError,
  createTask,
  currentTask,
  ExceptionGroup,
  sleep,
  type TaskLike,
  taskGroup,
} from "corio";
import { ename, now, print, ValueError } from "../../harness/trace.js";

function* failSoon(parentTask: TaskLike<unknown>): Generator<any, void, any> {
  yield* sleep(100);
  parentTask.cancel(); // a cancellation from outside the group, just before the failure
  throw new ValueError("child failed");
}

function* parent() {
  try {
    yield* taskGroup(function* (tg) {
      tg.createTask(failSoon(currentTask()!));
      yield* sleep(1000);
    });
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(
      now(),
      "parent caught",
      ename(e),
      e.errors.map(ename),
      "cancelling",
      currentTask()!.cancelling(),
    );
  }
  try {
    yield* sleep(1000);
    print("not reached");
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "next await:", ename(e));
    throw e;
  }
}

export default function* main() {
  const t = createTask(parent());
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "parent task cancelled", t.cancelled());
  }
}
