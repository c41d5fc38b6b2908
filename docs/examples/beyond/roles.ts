// The producer and the consumer of "Beyond one process", written against the QueueLike contract:
// they neither know nor care whether the queue lives in this process or in Redis.
import { createTask, gather, getRunningLoop, Queue, type QueueLike, sleep } from "corio";

export function* producer(queue: QueueLike<number>, id: number) {
  for (let i = 1; i <= 5; i++) {
    yield* queue.put(id * 10 + i);
    yield* sleep(10);
  }
}

export function* consumer(queue: QueueLike<number>, name: string) {
  for (;;) {
    const value = yield* queue.get();
    try {
      yield* sleep(15); // the work
      console.log(`${name} handled ${value}`);
    } finally {
      queue.taskDone(); // done with it, failed or not
    }
  }
}

// One process: the queue is an object in memory.
export function* main() {
  const queue = new Queue<number>();
  const consumers = ["consumer A", "consumer B"].map((name) => createTask(consumer(queue, name)));
  yield* gather(createTask(producer(queue, 1)), createTask(producer(queue, 2)));
  yield* queue.join(); // every item handled
  for (const c of consumers) c.cancel();
  console.log(`${getRunningLoop().time()} ms: all handled`);
}
