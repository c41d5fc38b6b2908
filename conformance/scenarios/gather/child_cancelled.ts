// A child cancelled on its own (not through the gather) makes the gather raise CancelledError
// without returnExceptions; the other children keep running.
import { CancelledError, createTask, gather, sleep } from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* child(name: string, delay: number) {
  yield* sleep(delay);
  print(now(), name, "finished");
}

export default function* main() {
  const a = createTask(child("a", 300));
  const b = createTask(child("b", 1000));
  const g = gather(a, b);
  yield* sleep(100);
  b.cancel();
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "gather raised", ename(e), "a done", a.done());
  }
  yield* a;
  print(now(), "a finished anyway");
}
