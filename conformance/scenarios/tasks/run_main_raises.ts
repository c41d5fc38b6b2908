// When main raises, run() still cancels the leftover tasks and waits for them, even one that
// swallows the cancellation and keeps working for a while, and then raises main's error.
import { CancelledError, createTask, sleep } from "corio";
import { now, print, ValueError } from "../../harness/trace.js";

function* stubborn() {
  try {
    yield* sleep(10_000);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "stubborn: cancelled at shutdown, finishing my work first");
    yield* sleep(500);
    print(now(), "stubborn: done");
  }
}

export default function* main(): Generator<any, void, any> {
  createTask(stubborn());
  yield* sleep(100);
  print(now(), "main raises");
  throw new ValueError("main failed");
}
