// RedisQueue against a real redis-server, on the real clock: two queues opened on one key are two
// consumers of one group, exactly as two processes would be.
import { type Coroutine, getRunningLoop, QueueShutDown } from "@corio/interfaces";
import { consume } from "@corio/queue";
import { createTask, run, sleep } from "@corio/task";
import { Redis } from "ioredis";
import { afterAll, describe, expect, inject, it } from "vitest";
import { type Codec, openRedisQueue, type RedisQueue, RedisUnavailable } from "../src/index.js";

const url = inject("redisUrl");
const raw = new Redis(url);
afterAll(() => raw.quit());
let n = 0;
const fresh = (name: string) => `${name}-${process.pid}-${n++}`;

/** Runs `main` on a real-clock loop with two queues opened on one fresh key. */
function withPair<T>(
  main: (a: RedisQueue<unknown>, b: RedisQueue<unknown>, key: string) => Coroutine<T>,
  options: { maxsize?: number; claimIdleMs?: number } = {},
): Promise<T> {
  return run(
    (function* () {
      const key = fresh("pair");
      const a = yield* openRedisQueue<unknown>({ key, redis: url, ...options });
      const b = yield* openRedisQueue<unknown>({ key, redis: url, ...options });
      try {
        return yield* main(a, b, key);
      } finally {
        yield* a.close();
        yield* b.close();
      }
    })(),
  );
}

describe("across consumers", () => {
  it("get() waits for an item another consumer puts 30 ms later", async () => {
    const log: string[] = [];
    await withPair(function* (a, b) {
      const getter = createTask(
        (function* () {
          log.push(`got ${yield* a.get()}`);
          a.taskDone();
        })(),
      );
      yield* sleep(30);
      log.push("putting");
      yield* b.put("x");
      yield* getter;
      yield* b.join();
      log.push("joined");
    });
    expect(log).toEqual(["putting", "got x", "joined"]);
  });

  it("put() waits while the queue is full across consumers and resumes when the other gets", async () => {
    const log: string[] = [];
    await withPair(
      function* (a, b) {
        yield* a.put(1);
        yield* a.put(2);
        const putter = createTask(
          (function* () {
            yield* a.put(3);
            log.push("put 3");
          })(),
        );
        yield* sleep(20);
        log.push(`full: ${a.full()}`);
        log.push(`b got ${yield* b.get()}`);
        yield* putter;
        log.push(`then ${yield* b.get()} and ${yield* b.get()}`);
      },
      { maxsize: 2 },
    );
    expect(log).toEqual(["full: true", "b got 1", "put 3", "then 2 and 3"]);
  });

  it("shutdown() in one consumer wakes a get() and a put() waiting in others with QueueShutDown", async () => {
    const errors = await withPair(function* (a, b, key) {
      const c = yield* openRedisQueue<unknown>({ key: `${key}-full`, redis: url, maxsize: 1 });
      const d = yield* openRedisQueue<unknown>({ key: `${key}-full`, redis: url });
      const caught = (op: Coroutine<unknown>) =>
        createTask(
          (function* () {
            try {
              yield* op;
            } catch (e) {
              return e;
            }
            return null;
          })(),
        );
      yield* c.put("fills it");
      const getter = caught(a.get());
      const putter = caught(c.put("waits"));
      yield* sleep(20);
      b.shutdown();
      d.shutdown();
      const result = [yield* getter, yield* putter];
      yield* c.close();
      yield* d.close();
      return result;
    });
    expect(errors.map((e) => (e as Error).name)).toEqual(["QueueShutDown", "QueueShutDown"]);
  });

  it("shutdown() lets other consumers drain what is left; shutdown(true) drops it", async () => {
    const drained = await withPair(function* (a, b) {
      yield* a.put(1);
      yield* a.put(2);
      a.shutdown();
      const got = [yield* b.get(), yield* b.get()];
      b.taskDone();
      b.taskDone();
      let last: unknown = null;
      try {
        yield* b.get();
      } catch (e) {
        last = e;
      }
      return { got, last };
    });
    expect(drained.got).toEqual([1, 2]);
    expect(drained.last).toBeInstanceOf(QueueShutDown);

    const dropped = await withPair(function* (a, b, key) {
      yield* a.put(1);
      yield* a.put(2);
      a.shutdown(true);
      yield* sleep(20);
      let error: unknown = null;
      try {
        yield* b.get();
      } catch (e) {
        error = e;
      }
      return { error, left: yield* wait(raw.xlen(key)) };
    });
    expect(dropped.error).toBeInstanceOf(QueueShutDown);
    expect(dropped.left).toBe(0);
  });

  it("an item shut down together with its putNowait() counts in qsize() while the round trip is on", async () => {
    // Regression: the batch sent with the shutdown left the outbox before Redis answered, and was
    // counted nowhere, so qsize() read 0 in between (seen as a flaky contract check under load).
    const sizes = await withPair(function* (a) {
      a.putNowait(1);
      a.shutdown(); // the item and the flag leave in one round trip, at the next setImmediate
      const seen: number[] = [a.qsize()];
      // Our setImmediate runs right after the queue's, before Redis can have answered.
      yield* wait(new Promise<void>((resolve) => setImmediate(resolve)));
      seen.push(a.qsize());
      yield* sleep(20);
      seen.push(a.qsize());
      return seen;
    });
    expect(sizes).toEqual([1, 1, 1]);
  });

  it("join() returns only once the other consumer marked every item done", async () => {
    const log: string[] = [];
    await withPair(function* (a, b) {
      for (const x of [1, 2, 3]) yield* a.put(x);
      createTask(
        (function* () {
          for (let i = 0; i < 3; i++) {
            const x = yield* b.get();
            yield* sleep(5);
            log.push(`done ${x}`);
            b.taskDone();
          }
        })(),
      );
      yield* a.join();
      log.push("joined");
    });
    expect(log).toEqual(["done 1", "done 2", "done 3", "joined"]);
  });
});

describe("with @corio/queue's helpers", () => {
  it("consume() works the Redis queue as any QueueLike, and ends when another process shuts it down", async () => {
    const handled: number[] = [];
    const count = await withPair(function* (a, b) {
      const worker = createTask(
        consume(a as RedisQueue<number>, (n: number) => {
          handled.push(n);
        }),
      );
      for (const n of [1, 2, 3]) yield* b.put(n);
      yield* b.join();
      b.shutdown();
      return yield* worker;
    });
    expect({ count, handled }).toEqual({ count: 3, handled: [1, 2, 3] });
  });
});

describe("at least once", () => {
  it("an entry a dead consumer left unacknowledged is taken over after claimIdleMs", async () => {
    const got = await withPair(
      function* (a, _b, key) {
        yield* a.put("orphan");
        // A consumer that read the entry and died: it stays pending under that name.
        yield* wait(raw.xreadgroup("GROUP", "corio", "dead", "COUNT", 1, "STREAMS", key, ">"));
        const loop = getRunningLoop();
        const t0 = loop.time();
        const item = yield* a.get();
        a.taskDone();
        return { item, waited: loop.time() - t0 };
      },
      { claimIdleMs: 100 },
    );
    expect(got.item).toBe("orphan");
    expect(got.waited).toBeGreaterThanOrEqual(50);
  });

  it("a get() cancelled after Redis delivered its entry loses nothing: the entry goes back to the stream", async () => {
    const result = await withPair(function* (a, b, key) {
      const getter = createTask(a.get());
      // Cancel the getter the moment Redis's entry wakes it, before it resumes: the worst moment.
      const wake = a._wakeGetter.bind(a);
      a._wakeGetter = () => {
        const woken = wake();
        if (woken) getter.cancel();
        return woken;
      };
      yield* sleep(20);
      yield* b.put("precious");
      yield* sleep(20);
      const item = yield* b.get();
      b.taskDone();
      yield* b.join();
      return { cancelled: getter.cancelled(), item, left: yield* wait(raw.xlen(key)) };
    });
    expect(result).toEqual({ cancelled: true, item: "precious", left: 0 });
  });

  it("taskDone() acknowledges the item of the task that calls it; a task with none marks the oldest", async () => {
    const left = await withPair(function* (a, _b, key) {
      for (const x of ["first", "second", "third"]) yield* a.put(x);
      function* remaining() {
        const entries = (yield* wait(raw.xrange(key, "-", "+"))) as [string, string[]][];
        return entries.map(([, fields]) => JSON.parse(fields[1]!) as string);
      }
      const slow = createTask(
        (function* () {
          const item = yield* a.get(); // "first"
          // Cancelled below before it wakes: no real-time race with the checks, however slow
          // the machine.
          yield* sleep(60_000);
          a.taskDone();
          return item;
        })(),
      );
      const fast = createTask(
        (function* () {
          const item = yield* a.get(); // "second"
          a.taskDone(); // marks "second", not the older "first"
          return item;
        })(),
      );
      const got = [yield* fast];
      yield* sleep(20);
      const afterFast = yield* remaining();
      const third = yield* a.get();
      yield* createTask(
        (function* () {
          a.taskDone(); // this task got nothing: the oldest unmarked item, "first"
        })(),
      );
      yield* sleep(20);
      const afterOther = yield* remaining();
      slow.cancel(); // its taskDone() would find nothing left of its own
      return { got: [...got, third], afterFast, afterOther };
    });
    expect(left).toEqual({
      got: ["second", "third"],
      afterFast: ["first", "third"],
      afterOther: ["third"],
    });
  });
});

describe("codec, bad input and connections", () => {
  it("uses the codec given, and moves an entry it cannot decode to key:dead", async () => {
    const dates: Codec<Date> = {
      encode: (d) => String(d.getTime()),
      decode: (s) => {
        const t = Number(s);
        if (!Number.isFinite(t)) throw new Error(`not a time: ${s}`);
        return new Date(t);
      },
    };
    const out = await run(
      (function* () {
        const key = fresh("codec");
        const q = yield* openRedisQueue<Date>({ key, redis: url, codec: dates });
        yield* q.put(new Date(5));
        const first = yield* q.get();
        q.taskDone();
        yield* wait(raw.xadd(key, "*", "d", "garbage"));
        let error: unknown = null;
        try {
          yield* q.get();
        } catch (e) {
          error = e;
        }
        yield* sleep(20);
        const dead = (yield* wait(raw.xrange(`${key}:dead`, "-", "+"))) as [string, string[]][];
        yield* q.close();
        return { first: first.getTime(), error, dead: dead.length };
      })(),
    );
    expect(out.first).toBe(5);
    expect(out.error).toBeInstanceOf(TypeError);
    expect((out.error as Error).message).toMatch(
      /cannot be decoded \(moved to codec-.*:dead\): not a time/,
    );
    expect(out.dead).toBe(1);
  });

  it("an unreachable Redis fails the open with RedisUnavailable naming the address", async () => {
    const open = run(
      openRedisQueue({ key: "k", redis: "redis://127.0.0.1:1", connectTimeoutMs: 500 }),
    );
    await expect(open).rejects.toThrow(RedisUnavailable);
    await expect(open).rejects.toThrow(
      /cannot reach Redis at redis:\/\/127\.0\.0\.1:1 \(options\.redis\)/,
    );
  });

  it("bad options throw errors that name the option", async () => {
    await expect(run(openRedisQueue({ key: "" }))).rejects.toThrow(
      new TypeError(
        'openRedisQueue(options): options.key must be a non-empty string, got string ""',
      ),
    );
    await expect(run(openRedisQueue({ key: "k", claimIdleMs: -1 }))).rejects.toThrow(
      /options\.claimIdleMs must be a positive number of ms, got number -1/,
    );
    await expect(run(openRedisQueue({ key: "k", maxsize: 1.5 }))).rejects.toThrow(
      /options\.maxsize must be an integer/,
    );
    const key = fresh("bound");
    const mismatch = run(
      (function* () {
        const q = yield* openRedisQueue({ key, redis: url, maxsize: 4 });
        try {
          yield* openRedisQueue({ key, redis: url, maxsize: 5 });
        } finally {
          yield* q.close();
        }
      })(),
    );
    await expect(mismatch).rejects.toThrow(
      /options\.maxsize is 5 but .* was opened with maxsize 4/,
    );
  });

  it("putNowait() names the item the codec cannot encode", async () => {
    const error = await run(
      (function* () {
        const q = yield* openRedisQueue<unknown>({ key: fresh("enc"), redis: url });
        try {
          q.putNowait(undefined);
        } catch (e) {
          return e;
        } finally {
          yield* q.close();
        }
        return null;
      })(),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(
      "putNowait(item): the codec cannot encode the item: JSON cannot encode undefined",
    );
  });

  it("operations on a closed queue throw RuntimeError instead of waiting forever", async () => {
    const errors = await run(
      (function* () {
        const q = yield* openRedisQueue<number>({ key: fresh("closed"), redis: url });
        yield* q.close();
        const out: string[] = [];
        for (const op of [() => q.putNowait(1), () => q.shutdown()]) {
          try {
            op();
          } catch (e) {
            out.push((e as Error).message);
          }
        }
        try {
          yield* q.get();
        } catch (e) {
          out.push((e as Error).message);
        }
        return out;
      })(),
    );
    expect(errors).toEqual([
      expect.stringMatching(/^putNowait\(\): RedisQueue\(closed-.*\) is closed$/),
      "shutdown(): the queue is closed",
      expect.stringMatching(/^get\(\): RedisQueue\(closed-.*\) is closed$/),
    ]);
  });

  it("the loop's close closes a queue's connections that were never closed", async () => {
    const clients = async () => ((await raw.client("LIST")) as string).trim().split("\n").length;
    const before = await clients();
    await run(
      (function* () {
        yield* openRedisQueue({ key: fresh("leak"), redis: url });
      })(),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(await clients()).toBe(before);
  });
});

/** Waits for a promise inside a coroutine (the tests' own raw client). */
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
