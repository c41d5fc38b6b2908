// A putter woken by get() but cancelled before it resumes passes its turn to the next blocked
// putter: the free slot is not left empty, and the cancelled putter puts nothing.
import { CancelledError, createTask, Queue, sleep } from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* putter(q: Queue<string>, item: string) {
  try {
    yield* q.put(item);
    print(now(), "put", item);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(now(), "putter of", item, "got", ename(e));
    throw e;
  }
}

export default function* main() {
  const q = new Queue<string>(1);
  q.putNowait("x");
  const p1 = createTask(putter(q, "p1"));
  const p2 = createTask(putter(q, "p2"));
  yield* sleep(100);
  print(now(), "got", q.getNowait());
  p1.cancel();
  yield* sleep(0);
  yield* sleep(0);
  print(now(), "size", q.qsize(), "p1 cancelled", p1.cancelled(), "p2 done", p2.done());
  print(now(), "got", q.getNowait(), "then empty", q.empty());
}
