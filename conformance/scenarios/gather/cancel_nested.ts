// Cancelling a task that awaits nested gathers cancels every leaf; even with returnExceptions
// the cancelled gather raises CancelledError to its awaiter instead of returning results.
import { CancelledError, createTask, gather, sleep } from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* leaf(name: string, delay: number) {
  try {
    yield* sleep(delay);
    print(now(), name, "finished");
    return name;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), name, "cancelled");
    throw e;
  }
}

function* parent() {
  try {
    const inner = gather(leaf("a", 1000), leaf("b", 100), { returnExceptions: true });
    return yield* gather(inner, leaf("c", 2000), { returnExceptions: true });
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "parent got", ename(e));
    throw e;
  }
}

export default function* main() {
  const t = createTask(parent());
  yield* sleep(500);
  t.cancel();
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "parent cancelled", t.cancelled());
  }
}
