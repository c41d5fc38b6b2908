// shutdown(true) drops the items left, counts them as done (releasing join()), and get() throws
// at once even though items were queued.
import { createTask, Queue, QueueShutDown, sleep } from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* joiner(q: Queue<number>) {
  yield* q.join();
  print(now(), "join released");
}

export default function* main() {
  const q = new Queue<number>();
  for (let i = 0; i < 3; i++) q.putNowait(i);
  print("got", q.getNowait(), "and marked it done");
  q.taskDone();
  const j = createTask(joiner(q));
  yield* sleep(200);
  print(now(), "shutdown(immediate=True) with size", q.qsize());
  q.shutdown(true);
  print("size after", q.qsize(), "empty", q.empty());
  try {
    yield* q.get();
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    print("get:", ename(e));
  }
  try {
    q.getNowait();
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    print("get_nowait:", ename(e));
  }
  yield* j;
  yield* q.join();
  print(now(), "join after shutdown returns at once");
}
