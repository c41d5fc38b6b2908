// The testkit's QueueLike contract, run against a real Redis: the queue that a process sees must
// behave as @corio/queue's Queue wherever a single process can tell. A few checks cannot hold for
// a queue kept on a server; they are listed below with the reason, and skipped.
import type { Coroutine } from "@corio/interfaces";
import { runVirtual } from "@corio/task/testing";
import { queueContract } from "@corio/testkit";
import { describe, inject, it } from "vitest";
import { openRedisQueue, type RedisQueue } from "../src/index.js";

const url = inject("redisUrl");
let n = 0;
let pool: RedisQueue<number>[] = [];

// makeQueue must answer at once, so each test opens its queues (two per bound it may ask for)
// before it starts, on fresh keys.
function* withQueues<T>(main: () => Coroutine<T>): Coroutine<T> {
  const opened: RedisQueue<number>[] = [];
  for (const maxsize of [0, 0, 1, 1, 2, 2]) {
    opened.push(
      yield* openRedisQueue<number>({ key: `contract-${process.pid}-${n++}`, redis: url, maxsize }),
    );
  }
  pool = opened.slice();
  try {
    return yield* main();
  } finally {
    for (const q of opened) yield* q.close();
  }
}

function makeQueue(maxsize: number): RedisQueue<number> {
  const i = pool.findIndex((q) => q.maxsize === maxsize);
  if (i === -1) throw new Error(`no queue with maxsize ${maxsize} left for this test`);
  return pool.splice(i, 1)[0]!;
}

queueContract({ describe, it }, makeQueue, {
  name: "@corio/queue-redis RedisQueue",
  run: (main) => runVirtual(() => withQueues(main)),
  notApplicable: {
    "get() waits for an item put 5 s later":
      "a get() waiting on Redis holds the loop (trackExternal), so a virtual clock cannot jump to a timer; redis-queue.test.ts checks the wait on the real clock",
    "a putter woken by a get and cancelled before it resumes lets the next putter in":
      "put() returns once Redis stored the item, a round trip, not within three loop iterations",
    "join() waits until every item put is marked with taskDone()":
      "join() asks Redis whether other processes are done, a round trip, not within two loop iterations",
    "shutdown(true) drops the items left, fails get() and releases join()":
      "join() asks Redis whether other processes are done, a round trip, not within two loop iterations",
  },
});
