// Seed tutorial: two consumers, two producers of five values each, then cancel the consumers at
// 15 s and gather everything with returnExceptions. random.randint(1, 10) is replaced by a fixed
// sequence so both sides print the same values.
import { createTask, gather, Queue, sleep } from "corio";
import { now, print, show } from "../../harness/trace.js";

const VALUES = [3, 7, 1, 10, 4, 6, 2, 9, 5, 8][Symbol.iterator]();

function* consumer(queue: Queue<number>, id: number) {
  for (;;) {
    const val = yield* queue.get();
    print(now(), `consumer ${id} consume ${val}`);
    yield* sleep(1000);
  }
}

function* producer(queue: Queue<number>, id: number) {
  for (let i = 0; i < 5; i++) {
    const val = VALUES.next().value as number;
    yield* queue.put(val);
    print(now(), `producer ${id} produce ${val}`);
    yield* sleep(1000);
  }
}

export default function* main() {
  const queue = new Queue<number>();
  const consumer1 = createTask(consumer(queue, 1));
  const consumer2 = createTask(consumer(queue, 2));
  const producer3 = createTask(producer(queue, 1));
  const producer4 = createTask(producer(queue, 2));

  yield* sleep(15_000);
  consumer1.cancel();
  consumer2.cancel();
  const results = yield* gather(consumer1, consumer2, producer3, producer4, {
    returnExceptions: true,
  });
  print(now(), "results", results.map(show));
}
