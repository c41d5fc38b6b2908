import { createTask, gather, getRunningLoop, Queue, sleep } from "corio";

function* consumer(queue: Queue<number>, id: number) {
  const loop = getRunningLoop();
  for (;;) {
    const value = yield* queue.get();
    console.log(`${loop.time()} ms: consumer ${id} takes ${value}`);
    yield* sleep(1500); // 处理一个数据比生产一个更慢
    queue.taskDone();
  }
}

function* producer(queue: Queue<number>, id: number) {
  const loop = getRunningLoop();
  for (let i = 1; i <= 5; i++) {
    const value = id * 10 + i; // 固定的值，每次运行打印的都一样
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

  yield* gather(...producers); // 所有数据都进了队列……
  yield* queue.join(); // ……而且每个都处理完了
  for (const c of consumers) c.cancel(); // 消费者会一直循环：手动停掉它们
  yield* gather(...consumers, { returnExceptions: true });
  console.log(
    `${loop.time()} ms: all done, consumers cancelled: ${consumers.every((c) => c.cancelled())}`,
  );
}
