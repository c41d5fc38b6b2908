// A coroutine that turns its CancelledError into another exception makes the task fail with
// that exception instead of ending cancelled; awaiting an inline coroutine that does not wait
// never gives up control.
import { CancelledError, createTask, sleep } from "corio";
import { ename, now, print, ValueError } from "../../harness/trace.js";

function* converter() {
  try {
    yield* sleep(1000);
  } catch (e) {
    if (e instanceof CancelledError) throw new ValueError("cancelled, reported as an error");
    throw e;
  }
}

function* quick() {
  return "no wait";
}

export default function* main() {
  const t = createTask(converter());
  createTask(
    (function* () {
      yield* sleep(0);
    })(),
  );
  print("inline:", yield* quick(), "at", now());
  yield* sleep(100);
  t.cancel();
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print(now(), "task failed with", ename(e), e);
  }
  print("cancelled", t.cancelled(), "exception", ename(t.exception()));
  const slept = yield* sleep(50, "slept");
  print("sleep result:", slept, now());
}
