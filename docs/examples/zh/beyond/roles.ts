// 《跨越进程》一文中的生产者和消费者，按 QueueLike 契约来写：
// 队列是在本进程里还是在 Redis 里，它们既不知道，也不关心。
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
      yield* sleep(15); // 干活
      console.log(`${name} handled ${value}`);
    } finally {
      queue.taskDone(); // 不论成败，这一项都算办完了
    }
  }
}

// 单个进程：队列就是内存里的一个对象。
export function* main() {
  const queue = new Queue<number>();
  const consumers = ["consumer A", "consumer B"].map((name) => createTask(consumer(queue, name)));
  yield* gather(createTask(producer(queue, 1)), createTask(producer(queue, 2)));
  yield* queue.join(); // 每一项都已处理
  for (const c of consumers) c.cancel();
  console.log(`${getRunningLoop().time()} ms: all handled`);
}
