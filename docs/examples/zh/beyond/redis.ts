// 还是那对生产者和消费者，这回分处不同的进程，共用 Redis 里的一个队列。
// 想开几个终端（或几台机器）都行，每处运行
// `node --import tsx redis.ts consumer`，然后再运行
// `node --import tsx redis.ts producer`。Redis 的地址由 REDIS_URL 指定。
import { openRedisQueue } from "@corio/queue-redis";
import { QueueShutDown, run } from "corio";
import { consumer, producer } from "./roles.js";

const redis = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

function* producerProcess() {
  const queue = yield* openRedisQueue<number>({ key: "numbers", redis });
  yield* producer(queue, 1);
  yield* producer(queue, 2);
  yield* queue.join(); // 每个进程里的条目都已处理并确认
  console.log("producer: all handled, shutting the queue down");
  queue.shutdown(); // 用 QueueShutDown 唤醒各处的每个消费者
  yield* queue.close();
}

function* consumerProcess() {
  const queue = yield* openRedisQueue<number>({ key: "numbers", redis });
  console.log(`consumer ${process.pid}: ready`);
  try {
    yield* consumer(queue, `consumer ${process.pid}`);
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
  } finally {
    yield* queue.close();
  }
}

await run(process.argv[2] === "producer" ? producerProcess() : consumerProcess());
