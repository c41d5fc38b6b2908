// Connection loss: Redis drops every client connection (CLIENT KILL), ioredis reconnects, and the
// queue carries on: nothing put is lost, a waiting get() is still served, events still arrive.
import { type Coroutine, getRunningLoop, QueueShutDown } from "@corio/interfaces";
import { createTask, run, sleep } from "@corio/task";
import { Redis } from "ioredis";
import { expect, inject, it } from "vitest";
import { openRedisQueue } from "../src/index.js";

const url = inject("redisUrl");

function* wait<T>(promise: Promise<T>): Coroutine<T> {
  const loop = getRunningLoop();
  const fut = loop.createFuture<T>("test promise");
  const release = loop.trackExternal("test promise");
  promise.then(
    (v) => {
      fut.setResult(v);
      release();
    },
    (e) => {
      fut.setException(e);
      release();
    },
  );
  return yield* fut;
}

it("after Redis drops every connection the queue reconnects: items, a waiting get() and shutdown still arrive", async () => {
  const admin = new Redis(url);
  const key = `reconnect-${process.pid}`;
  const log: string[] = [];
  try {
    await run(
      (function* () {
        const a = yield* openRedisQueue<string>({ key, redis: url });
        const b = yield* openRedisQueue<string>({ key, redis: url });
        yield* b.put("before");
        const getter = createTask(
          (function* () {
            log.push(`got ${yield* a.get()}`);
            a.taskDone();
            log.push(`got ${yield* a.get()}`);
            a.taskDone();
            try {
              yield* a.get();
            } catch (e) {
              log.push(e instanceof QueueShutDown ? "QueueShutDown" : String(e));
            }
          })(),
        );
        yield* sleep(30);
        const killed = yield* wait(admin.client("KILL", "TYPE", "normal"));
        yield* wait(admin.client("KILL", "TYPE", "pubsub"));
        log.push(`killed ${Number(killed) > 0}`);
        yield* sleep(200); // ioredis reconnects (its first retry comes after 50 ms)
        yield* b.put("after");
        yield* b.join();
        b.shutdown();
        yield* getter;
        yield* a.close();
        yield* b.close();
      })(),
    );
  } finally {
    await admin.quit();
  }
  expect(log).toEqual(["got before", "killed true", "got after", "QueueShutDown"]);
});
