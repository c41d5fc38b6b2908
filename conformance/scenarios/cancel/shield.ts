// shield(): cancelling the task that awaits a shielded operation cancels only the wait; the
// inner task keeps running and finishes. Cancelling the inner task cancels the outer wait too.
import { CancelledError, createTask, shield, sleep, type Task } from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* save(label: string, delay: number) {
  print(now(), label, "saving");
  yield* sleep(delay);
  print(now(), label, "saved");
  return label;
}

function* caller(inner: Task<string>) {
  try {
    return yield* shield(inner);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "caller cancelled:", ename(e), "inner done:", inner.done());
    throw e;
  }
}

export default function* main() {
  const inner = createTask(save("doc", 1000));
  const t = createTask(caller(inner));
  yield* sleep(200);
  t.cancel();
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "caller task cancelled", t.cancelled());
  }
  const result = yield* inner;
  print(now(), "inner result", result, "inner cancelled", inner.cancelled());

  const inner2 = createTask(save("doc2", 1000));
  const t2 = createTask(caller(inner2));
  yield* sleep(200);
  inner2.cancel();
  try {
    yield* t2;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "when the inner is cancelled the caller is cancelled too:", t2.cancelled());
  }
}
