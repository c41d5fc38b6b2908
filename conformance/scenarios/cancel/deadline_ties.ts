// When the work and the deadline fall on the same instant, the timer scheduled first wins:
// waitFor arms its deadline before an inline coroutine sleeps (timeout), but a task that started
// sleeping earlier finishes first and is cancelled before its awaiter resumes (also a timeout).
import { CancelledError, createTask, sleep, TimeoutError, waitFor } from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* work(label: string) {
  try {
    yield* sleep(100);
    print(now(), label, "finished its sleep");
    return label;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), label, "cancelled");
    throw e;
  }
}

export default function* main() {
  try {
    const value = yield* waitFor(work("inline"), 100);
    print(now(), "inline:", value);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(now(), "inline:", ename(e));
  }

  const t = createTask(work("task"));
  yield* sleep(0);
  try {
    const value = yield* waitFor(t, 100);
    print(now(), "task:", value);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(now(), "task:", ename(e), "cancelled", t.cancelled());
  }

  const t2 = createTask(work("task2"));
  yield* sleep(0);
  try {
    const value = yield* waitFor(t2, 100.1);
    print(now(), "deadline a bit later:", value);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(now(), "task2:", ename(e));
  }
}
