// A getter cancelled after put() woke it, but before it resumed, leaves the item for the next
// getter: nothing is lost, nothing duplicated.
import { CancelledError, createTask, Queue, sleep, type Task } from "corio";
import { ename, print } from "../../harness/trace.js";

function* getter(q: Queue<string>, name: string) {
  try {
    const item = yield* q.get();
    print(name, "got", item);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(name, "cancelled:", ename(e));
    throw e;
  }
}

function* settle(...tasks: Task<void>[]) {
  for (const t of tasks) {
    try {
      yield* t;
    } catch {
      // as gather(..., return_exceptions=True)
    }
  }
}

export default function* main() {
  const q = new Queue<string>();
  const g1 = createTask(getter(q, "g1"));
  const g2 = createTask(getter(q, "g2"));
  yield* sleep(0);
  q.putNowait("only item");
  g1.cancel();
  yield* sleep(0);
  print("size after one iteration", q.qsize());
  yield* settle(g1, g2);
  print("g1 cancelled", g1.cancelled(), "g2 done", g2.done(), "size", q.qsize());

  const g3 = createTask(getter(q, "g3"));
  yield* sleep(0);
  g3.cancel();
  yield* sleep(0);
  q.putNowait("second item");
  print("after cancelling a waiting getter, put_nowait leaves size", q.qsize());
  print("get_nowait", q.getNowait());
}
