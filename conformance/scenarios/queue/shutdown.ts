// shutdown(): put raises QueueShutDown at once; get drains what is left, then raises; waiting
// getters and putters are woken to raise.
import { createTask, Queue, QueueShutDown, sleep } from "corio";
import { ename, now, print } from "../../harness/trace.js";

function* getter(q: Queue<number>, name: string) {
  try {
    for (;;) print(now(), name, "got", yield* q.get());
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    print(now(), name, "stopped:", ename(e));
  }
}

function* blockedPutter(q: Queue<number | string>) {
  try {
    yield* q.put("late");
    print("late put went through");
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    print(now(), "blocked putter:", ename(e));
  }
}

export default function* main() {
  const idle = new Queue<number>();
  const g = createTask(getter(idle, "idle getter"));
  yield* sleep(100);
  idle.shutdown();
  yield* g;

  const q = new Queue<number>(2);
  q.putNowait(1);
  q.putNowait(2);
  const p = createTask(blockedPutter(q as Queue<number | string>));
  yield* sleep(100);
  q.shutdown();
  for (const call of ["put_nowait", "put"]) {
    try {
      if (call === "put") yield* q.put(9);
      else q.putNowait(9);
    } catch (e) {
      if (!(e instanceof QueueShutDown)) throw e;
      print(now(), call, "after shutdown:", ename(e));
    }
  }
  yield* p;
  yield* getter(q, "drainer");
  print("unfinished work still joinable: size", q.qsize());
}
