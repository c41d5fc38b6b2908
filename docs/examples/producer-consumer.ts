import { createTask, gather, getRunningLoop, Queue, sleep } from "corio";

function* consumer(queue: Queue<number>, id: number) {
  const loop = getRunningLoop();
  for (;;) {
    const value = yield* queue.get();
    console.log(`${loop.time()} ms: consumer ${id} takes ${value}`);
    yield* sleep(1500); // handling an item takes longer than making one
    queue.taskDone();
  }
}

function* producer(queue: Queue<number>, id: number) {
  const loop = getRunningLoop();
  for (let i = 1; i <= 5; i++) {
    const value = id * 10 + i; // fixed values, so every run prints the same
    yield* queue.put(value);
    console.log(`${loop.time()} ms: producer ${id} puts ${value}`);
    yield* sleep(1000);
  }
}

export function* main() {
  const loop = getRunningLoop();
  const queue = new Queue<number>();
  const consumers = [1, 2].map((n) => createTask(consumer(queue, n), { name: `consumer_${n}` }));
  const producers = [1, 2].map((n) => createTask(producer(queue, n), { name: `producer_${n}` }));

  yield* gather(...producers); // every item is in the queue...
  yield* queue.join(); // ...and every item has been handled
  for (const c of consumers) c.cancel(); // consumers loop forever: stop them
  yield* gather(...consumers, { returnExceptions: true });
  console.log(
    `${loop.time()} ms: all done, consumers cancelled: ${consumers.every((c) => c.cancelled())}`,
  );
}
