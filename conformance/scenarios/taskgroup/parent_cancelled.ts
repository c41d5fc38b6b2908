// Cancelling the task that runs a TaskGroup cancels every child; once they are done the group
// re-raises CancelledError (not an ExceptionGroup), and the cancel count stays 1. Leaving a
// group waits for every child. (One child prints: asyncio cancels children in set order.)
import { CancelledError, createTask, currentTask, sleep, type TaskLike, taskGroup } from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* child(name: string) {
  try {
    yield* sleep(10_000);
  } finally {
    print(now(), name, "finally");
  }
}

function* runner() {
  try {
    yield* taskGroup(function* (tg) {
      tg.createTask(child("c1"));
      tg.createTask(sleepResult(10_000, "idle"));
      yield* sleep(10_000);
    });
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "runner got", ename(e), "cancelling", currentTask()!.cancelling());
    throw e;
  }
}

function* sleepResult(ms: number, value: string) {
  return yield* sleep(ms, value);
}

function* waitsForChildren() {
  let a!: TaskLike<string>;
  let b!: TaskLike<string>;
  yield* taskGroup(function* (tg) {
    a = tg.createTask(sleepResult(300, "a"));
    b = tg.createTask(sleepResult(100, "b"));
    print(now(), "block ends before the children");
  });
  print(now(), "group left after every child:", a.result(), b.result());
}

export default function* main() {
  const t = createTask(runner());
  yield* sleep(200);
  t.cancel();
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "runner cancelled", t.cancelled());
  }
  yield* waitsForChildren();
}
