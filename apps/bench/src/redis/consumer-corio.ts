// A consumer process of the Redis queue benchmark, corio side: `concurrency` tasks share one
// RedisQueue; each gets an item and marks it done (at-least-once: XACK after the work). Prints
// "ready" once connected, starts on "go" from stdin, exits on "stop".
import { openRedisQueue } from "@corio/queue-redis";
import { createTask, fromPromise, run } from "corio";
import { lineFrom } from "./lines.js";

const [url, key, concurrency] = process.argv.slice(2);

await run(
  (function* () {
    const queue = yield* openRedisQueue<{ n: number }>({ key: key!, redis: url! });
    process.stdout.write("ready\n");
    yield* fromPromise(lineFrom(process.stdin, "go"));
    for (let i = 0; i < Number(concurrency); i++) {
      createTask(
        (function* () {
          for (;;) {
            yield* queue.get();
            queue.taskDone();
          }
        })(),
      );
    }
    yield* fromPromise(lineFrom(process.stdin, "stop"));
    process.exit(0);
  })(),
);
