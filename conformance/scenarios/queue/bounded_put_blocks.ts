// A put() on a full bounded queue waits until a get() makes room; blocked putters are served in
// the order they arrived.
import { createTask, Queue, sleep } from "corio";
import { now, print } from "../../harness/trace.js";

function* producer(q: Queue<string>, name: string, items: string[]) {
  for (const item of items) {
    yield* q.put(item);
    print(now(), name, "put", item, "size", q.qsize());
  }
}

function* consumer(q: Queue<string>, n: number) {
  for (let i = 0; i < n; i++) {
    yield* sleep(100);
    print(now(), "consumer got", !q.empty() ? q.getNowait() : yield* q.get());
  }
}

export default function* main() {
  const q = new Queue<string>(2);
  const p1 = createTask(producer(q, "p1", ["a1", "a2", "a3"]));
  const p2 = createTask(producer(q, "p2", ["b1", "b2"]));
  const c = createTask(consumer(q, 5));
  yield* sleep(0);
  print(now(), "after one iteration: size", q.qsize(), "full", q.full());
  yield* p1;
  yield* p2;
  yield* c;
  print(now(), "empty", q.empty());
}
