// join() returns once every item put was got and marked with taskDone(); it returns at once on
// a queue with nothing unfinished.
import { CancelledError, createTask, Queue, sleep } from "corio";
import { now, print } from "../../harness/trace.js";

function* worker(q: Queue<number>, name: string) {
  for (;;) {
    const item = yield* q.get();
    yield* sleep(item * 100);
    print(now(), name, "handled", item);
    q.taskDone();
  }
}

export default function* main() {
  const q = new Queue<number>();
  yield* q.join();
  print(now(), "join on a fresh queue returns at once");
  const workers = [0, 1].map((i) => createTask(worker(q, `w${i}`)));
  for (const item of [3, 1, 2, 5]) q.putNowait(item);
  yield* q.join();
  print(now(), "joined; size", q.qsize());
  for (const w of workers) w.cancel();
  for (const w of workers) {
    try {
      yield* w;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
    }
  }
  print(now(), "workers cancelled");
}
