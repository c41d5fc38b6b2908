// A deadline and an outside cancel() in the same iteration, with a block that swallows the
// CancelledError: the timeout stays quiet (another cancel is pending), and the swallowed outside
// request is left counted in cancelling() but delivered no more.
import { CancelledError, createTask, currentTask, sleep, timeout } from "corio";
import { now, print } from "../../harness/trace.js";

function* worker() {
  yield* timeout(200, function* (scope) {
    try {
      yield* sleep(1000);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print(
        now(),
        "block swallowed it; expired",
        scope.expired(),
        "cancelling",
        currentTask()!.cancelling(),
      );
    }
  });
  print(now(), "after the block: cancelling", currentTask()!.cancelling());
  yield* sleep(100);
  print(now(), "still running");
  return "finished";
}

export default function* main() {
  const t = createTask(worker());
  yield* sleep(200);
  t.cancel();
  const result = yield* t;
  print(now(), "result", result, "cancelled", t.cancelled());
}
