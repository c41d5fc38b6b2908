// The same producer and consumer, now in separate processes that share a queue in Redis.
// Run `node --import tsx redis.ts consumer` in as many terminals (or machines) as you like, then
// `node --import tsx redis.ts producer`. REDIS_URL says where Redis is.
import { openRedisQueue } from "@corio/queue-redis";
import { QueueShutDown, run } from "corio";
import { consumer, producer } from "./roles.js";

const redis = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

function* producerProcess() {
  const queue = yield* openRedisQueue<number>({ key: "numbers", redis });
  yield* producer(queue, 1);
  yield* producer(queue, 2);
  yield* queue.join(); // handled and acknowledged, in every process
  console.log("producer: all handled, shutting the queue down");
  queue.shutdown(); // wakes every consumer, everywhere, with QueueShutDown
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
