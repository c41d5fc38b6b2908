// When the future a task awaits is cancelled by someone else, the task gets CancelledError; if it
// lets it escape, the task ends cancelled. Cancelling the task also cancels the future it awaits.
import { CancelledError, createTask, type Future, getRunningLoop, sleep } from "corio";
import { ename, print } from "../../harness/trace.js";

function* waiter(name: string, fut: Future<void>) {
  try {
    yield* fut;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(name, "got", ename(e), `[${e.message}]`);
    throw e;
  }
}

export default function* main() {
  const loop = getRunningLoop();
  const f1 = loop.createFuture<void>() as Future<void>;
  const t1 = createTask(waiter("t1", f1));
  const f2 = loop.createFuture<void>() as Future<void>;
  const t2 = createTask(waiter("t2", f2));
  yield* sleep(0);
  f1.cancel("future cancelled");
  t2.cancel("task cancelled");
  print("f2 cancelled by the task's cancel:", f2.cancelled());
  // gather is not needed: wait for both in turn, swallowing their cancellation.
  for (const t of [t1, t2]) {
    try {
      yield* t;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
    }
  }
  print("t1 cancelled", t1.cancelled(), "t2 cancelled", t2.cancelled());
}
