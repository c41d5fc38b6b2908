// LifoQueue and PriorityQueue with waiting: a getter blocked on an empty LIFO queue takes the
// first item put; a bounded PriorityQueue blocks its putter until a get makes room.
import { createTask, LifoQueue, PriorityQueue, sleep } from "corio";
import { now, print } from "../../harness/trace.js";

export default function* main() {
  const lifo = new LifoQueue<number>();
  const g = createTask(
    (function* () {
      const item = yield* lifo.get();
      print(now(), "lifo getter got", item);
    })(),
  );
  yield* sleep(100);
  for (let i = 0; i < 3; i++) lifo.putNowait(i);
  yield* g;
  const left: number[] = [];
  for (let n = lifo.qsize(); n > 0; n--) left.push(lifo.getNowait());
  print("lifo left", left);

  const pq = new PriorityQueue<[number, string]>(2);
  const p = createTask(
    (function* () {
      for (const item of [
        [5, "five"],
        [1, "one"],
        [3, "three"],
        [0, "zero"],
      ] as [number, string][]) {
        yield* pq.put(item);
        print(now(), "put", item[1]);
      }
    })(),
  );
  yield* sleep(100);
  while (!p.done() || !pq.empty()) {
    const item = yield* pq.get();
    print(now(), "got", item[1]);
    yield* sleep(100);
  }
}
