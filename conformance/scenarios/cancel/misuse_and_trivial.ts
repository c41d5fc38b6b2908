// Edges: rescheduling a timeout that already expired is a RuntimeError; shield() of a done
// future returns at once; waitFor(null) never times out; timeout(null) never expires.
import {
  getRunningLoop,
  RuntimeError,
  shield,
  sleep,
  type Timeout,
  TimeoutError,
  timeout,
  waitFor,
} from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* slow() {
  yield* sleep(5000);
  return "slow value";
}

export default function* main() {
  const loop = getRunningLoop();
  let scope!: Timeout;
  try {
    yield* timeout(100, function* (s) {
      scope = s;
      try {
        yield* sleep(1000);
      } finally {
        try {
          s.reschedule(loop.time() + 1000);
        } catch (e) {
          // RuntimeError is expected; anything else would show as a different name.
          print(now(), "reschedule while expiring:", ename(e));
        }
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
  }
  try {
    scope.reschedule(null);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    print(now(), "reschedule after the block:", ename(e));
  }

  const done = loop.createFuture<string>();
  done.setResult("done value");
  let value = yield* shield(done);
  print(now(), "shield of a done future:", value);

  value = yield* waitFor(slow(), null);
  print(now(), "wait_for(None):", value);
  yield* timeout(null, function* (s) {
    scope = s;
    yield* sleep(5000);
  });
  print(now(), "timeout(None) expired:", scope.expired(), "when", scope.when());
}
