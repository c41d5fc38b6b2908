// A coroutine that catches CancelledError and returns makes its task finish normally.
import { CancelledError, createTask, sleep } from "corio";
import { now, print } from "../../harness/trace.js";

function* stubborn() {
  try {
    yield* sleep(10_000);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "caught the cancellation, cleaning up");
    yield* sleep(100);
    print(now(), "cleanup done, returning");
    return "partial";
  }
  return "full";
}

export default function* main() {
  const t = createTask(stubborn());
  yield* sleep(500);
  t.cancel();
  const result = yield* t;
  print(now(), "result", result, "cancelled", t.cancelled(), "cancelling", t.cancelling());
}
