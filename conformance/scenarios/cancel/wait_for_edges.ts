// waitFor(): a result in time is returned; a timeout of 0 returns a done future's result but
// cancels a pending one (a coroutine never starts); an inner operation that swallows the
// cancellation and returns a value makes waitFor return that value; cancelling the waiter
// cancels the inner task.
import { CancelledError, createTask, getRunningLoop, sleep, TimeoutError, waitFor } from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* quick() {
  yield* sleep(50);
  return "quick result";
}

function* neverStarted() {
  print("never printed");
}

function* stubborn() {
  try {
    yield* sleep(10_000);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "stubborn swallows the cancellation");
    return "stubborn result";
  }
  return "not reached";
}

export default function* main() {
  let value: unknown = yield* waitFor(quick(), 1000);
  print(now(), "in time:", value);
  const done = getRunningLoop().createFuture<string>();
  done.setResult("already done");
  value = yield* waitFor(done, 0);
  print(now(), "timeout 0 on a done future:", value);
  try {
    yield* waitFor(neverStarted(), 0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(now(), "timeout 0 on a coroutine:", ename(e));
  }
  value = yield* waitFor(stubborn(), 100);
  print(now(), "swallowed:", value);

  const inner = createTask(
    (function* () {
      yield* sleep(10_000);
    })(),
  );
  const waiter = createTask(waitFor(inner, 5000) as Generator<any, void, any>);
  yield* sleep(100);
  waiter.cancel();
  try {
    yield* waiter;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "waiter cancelled; inner cancelled:", inner.cancelled());
  }
}
