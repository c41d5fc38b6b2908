// A timeout scope can be moved later, earlier, or disabled while its block runs; when() tells
// the deadline and expired() whether it passed.
import { getRunningLoop, sleep, type Timeout, TimeoutError, timeout } from "corio";
import { ename, now, print } from "../../harness/trace.js";

export default function* main() {
  const loop = getRunningLoop();
  let scope!: Timeout;
  yield* timeout(500, function* (s) {
    scope = s;
    print(now(), "deadline", s.when());
    yield* sleep(300);
    s.reschedule(loop.time() + 500);
    print(now(), "moved to", s.when());
    yield* sleep(400);
    print(now(), "still alive past the first deadline");
  });
  print(now(), "block done, expired", scope.expired());

  try {
    yield* timeout(null, function* (s) {
      scope = s;
      print(now(), "no deadline", s.when());
      yield* sleep(1000);
      s.reschedule(loop.time() + 100);
      yield* sleep(1000);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(now(), "deadline set later expired:", ename(e), scope.expired());
  }

  yield* timeout(100, function* (s) {
    scope = s;
    s.reschedule(null);
    yield* sleep(500);
  });
  print(now(), "disabled deadline never fired, expired", scope.expired());

  try {
    yield* timeout(10_000, function* (s) {
      scope = s;
      yield* sleep(100);
      s.reschedule(loop.time() - 1000);
      print(now(), "moved into the past; the block runs until it awaits");
      yield* sleep(0);
      print("not reached");
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(now(), "past deadline:", ename(e), scope.expired());
  }
}
