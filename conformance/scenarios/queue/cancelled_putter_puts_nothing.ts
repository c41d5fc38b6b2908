// A putter cancelled while blocked on a full queue puts nothing; the next blocked putter takes
// its turn when room appears.
import { CancelledError, createTask, Queue, sleep } from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* putter(q: Queue<string>, item: string) {
  try {
    yield* q.put(item);
    print(now(), "put", item);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "putter of", item, "cancelled:", ename(e));
    throw e;
  }
}

export default function* main() {
  const q = new Queue<string>(1);
  q.putNowait("first");
  const p1 = createTask(putter(q, "p1-item"));
  const p2 = createTask(putter(q, "p2-item"));
  yield* sleep(100);
  p1.cancel();
  yield* sleep(100);
  print(now(), "got", q.getNowait());
  yield* sleep(100);
  print(now(), "got", q.getNowait(), "then size", q.qsize());
  print("p1 cancelled", p1.cancelled(), "p2 done", p2.done());
}
