// A block that swallows the timeout's cancellation and returns normally ends without
// TimeoutError, but expired() still tells the deadline passed; an error raised by the block wins
// over the timeout; waitFor passes the inner operation's own error through.
import { CancelledError, currentTask, sleep, type Timeout, timeout, waitFor } from "corio";
import { ename, KeyError, now, print, ValueError } from "../../harness/trace.js";

function* failing(): Generator<any, void, any> {
  yield* sleep(50);
  throw new KeyError("inner");
}

export default function* main() {
  let scope!: Timeout;
  yield* timeout(100, function* (s) {
    scope = s;
    try {
      yield* sleep(1000);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print(now(), "block swallowed the cancellation");
    }
    yield* sleep(50);
    print(now(), "block keeps going after the deadline");
  });
  print(
    now(),
    "no TimeoutError; expired",
    scope.expired(),
    "cancelling",
    currentTask()!.cancelling(),
  );

  try {
    yield* timeout(100, function* () {
      try {
        yield* sleep(1000);
      } catch (e) {
        if (e instanceof CancelledError) throw new ValueError("cleanup failed");
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print(now(), "the block's error wins:", ename(e), e);
  }

  try {
    yield* waitFor(failing(), 1000);
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    print(now(), "wait_for passes the error through:", ename(e));
  }
}
