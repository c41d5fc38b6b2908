// Nested timeouts: only the scope whose deadline passed raises TimeoutError; an inner scope that
// outlives an outer deadline lets the cancellation through to the outer one.
import {
  CancelledError,
  currentTask,
  getRunningLoop,
  sleep,
  type Timeout,
  TimeoutError,
  timeout,
  timeoutAt,
} from "corio";
import { ename, now, print } from "../../harness/trace.js";

export default function* main() {
  const loop = getRunningLoop();
  let outer!: Timeout;
  let inner!: Timeout;
  try {
    yield* timeout(1000, function* (o) {
      outer = o;
      try {
        yield* timeout(300, function* (i) {
          inner = i;
          yield* sleep(2000);
        });
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
        print(
          now(),
          "inner raised",
          ename(e),
          "inner expired",
          inner.expired(),
          "outer expired",
          outer.expired(),
        );
      }
      yield* sleep(2000);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(now(), "outer raised", ename(e), "outer expired", outer.expired());
  }
  print("cancelling after both", currentTask()!.cancelling());

  try {
    yield* timeout(500, function* (o) {
      outer = o;
      try {
        yield* timeout(5000, function* (i) {
          inner = i;
          yield* sleep(2000);
        });
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        print(now(), "inside the outer scope:", ename(e), "inner expired", inner.expired());
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(now(), "outer raised", ename(e), "outer expired", outer.expired());
  }

  try {
    yield* timeoutAt(loop.time() + 200, function* () {
      yield* timeoutAt(loop.time() + 200, function* () {
        yield* sleep(1000);
      });
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(now(), "same deadline twice:", ename(e));
  }
  print("cancelling at the end", currentTask()!.cancelling());
}
