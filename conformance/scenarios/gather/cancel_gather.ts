// Cancelling the task that awaits a gather cancels every child still running; cancelling the
// gather future itself does the same (the gather then holds a CancelledError as its exception,
// while its cancelled() stays false).
import { CancelledError, createTask, gather, sleep } from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* child(name: string, delay: number) {
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
    yield* gather(child("p1", 100), child("p2", 1000), child("p3", 2000));
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
    print(now(), "parent task cancelled", t.cancelled());
  }

  const g = gather(child("g1", 1000), child("g2", 200));
  yield* sleep(500);
  print(now(), "gather.cancel() ->", g.cancel());
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "awaiting the cancelled gather raised", ename(e));
  }
  print("gather done", g.done(), "cancelled()", g.cancelled(), "exception", ename(g.exception()));
}
