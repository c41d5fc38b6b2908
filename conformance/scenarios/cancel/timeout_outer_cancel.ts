// A cancellation from outside is never turned into TimeoutError: inside a timeout scope the task
// still ends cancelled, even when the deadline passes in the same iteration as the cancel().
import {
  CancelledError,
  createTask,
  getRunningLoop,
  sleep,
  type Timeout,
  TimeoutError,
  timeout,
} from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* worker(label: string, delay: number) {
  let scope!: Timeout;
  try {
    yield* timeout(delay, function* (s) {
      scope = s;
      yield* sleep(10_000);
    });
  } catch (e) {
    if (e instanceof TimeoutError) {
      print(now(), label, "got TimeoutError");
      return "timeout";
    }
    if (e instanceof CancelledError)
      print(now(), label, "got", ename(e), "expired", scope.expired());
    throw e;
  }
  return "done";
}

export default function* main() {
  const t = createTask(worker("external", 5000));
  yield* sleep(100);
  t.cancel();
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "external: task cancelled", t.cancelled());
  }

  const t2 = createTask(worker("race", 300));
  getRunningLoop().callAt(400, () => t2.cancel());
  try {
    yield* t2;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "race: task cancelled", t2.cancelled());
  }

  yield* timeout(0, function* () {});
  print(now(), "timeout(0) around a block that never awaits: no error");
  try {
    yield* timeout(-1000, function* () {
      yield* sleep(0);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(now(), "timeout(-1) at the first await:", ename(e));
  }
}
