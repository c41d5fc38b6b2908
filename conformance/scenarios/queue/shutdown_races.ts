// shutdown() meeting woken waiters: a getter woken by put() still gets the item after a plain
// shutdown() but raises after shutdown(true); join() after an immediate shutdown still waits for
// items already taken and not yet marked done; a blocked putter raises too.
import { createTask, Queue, QueueShutDown, sleep } from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* getter(q: Queue<unknown>, name: string) {
  try {
    const item = yield* q.get();
    print(now(), name, "got", item);
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    print(now(), name, "raised", ename(e));
  }
}

export default function* main() {
  for (const immediate of [false, true]) {
    const q = new Queue<unknown>();
    const g = createTask(getter(q, `getter(immediate=${immediate ? "True" : "False"})`));
    yield* sleep(100);
    q.putNowait("item");
    q.shutdown(immediate);
    yield* g;
  }

  const q = new Queue<unknown>(3);
  for (let i = 0; i < 3; i++) q.putNowait(i);
  const taken = q.getNowait();
  const blocked = createTask(getter(q, "unused"));
  blocked.cancel();

  q.putNowait(3);
  const p = createTask(
    (function* () {
      try {
        yield* q.put(99);
      } catch (e) {
        if (!(e instanceof QueueShutDown)) throw e;
        print(now(), "blocked putter raised", ename(e));
      }
    })(),
  );
  const j = createTask(
    (function* () {
      yield* q.join();
      print(now(), "join returned");
    })(),
  );
  yield* sleep(100);
  q.shutdown(true);
  yield* p;
  yield* sleep(100);
  print(now(), "join still waiting for the item taken:", !j.done(), "taken", taken);
  q.taskDone();
  yield* j;
}
