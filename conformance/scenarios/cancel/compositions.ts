// Compositions: a timeout around a shielded task times out while the task carries on; waitFor of
// shield(task) the same; a timeout around queue.get() leaves no waiter behind; a timeout around
// gather cancels every child.
import {
  CancelledError,
  createTask,
  gather,
  Queue,
  shield,
  sleep,
  TimeoutError,
  timeout,
  waitFor,
} from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* work(name: string, delay: number) {
  try {
    yield* sleep(delay);
    print(now(), name, "finished");
    return name;
  } catch (e) {
    if (e instanceof CancelledError) print(now(), name, "cancelled");
    throw e;
  }
}

export default function* main() {
  const t = createTask(work("shielded", 300));
  try {
    yield* timeout(100, function* () {
      yield* shield(t);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(now(), "timeout around shield:", ename(e), "task cancelled", t.cancelled());
  }
  const t2 = createTask(work("shielded-2", 300));
  try {
    yield* waitFor(shield(t2), 100);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(now(), "wait_for(shield):", ename(e), "task cancelled", t2.cancelled());
  }
  const value = yield* t;
  print(now(), "first shielded task still gave", value);
  yield* t2;

  const q = new Queue<string>();
  try {
    yield* timeout(100, function* () {
      yield* q.get();
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(now(), "timeout around get:", ename(e));
  }
  q.putNowait("item");
  print(now(), "size after put", q.qsize());

  try {
    yield* timeout(200, function* () {
      yield* gather(work("g1", 100), work("g2", 1000), work("g3", 2000));
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print(now(), "timeout around gather:", ename(e));
  }
}
