import { RuntimeError } from "@corio/interfaces";
import { createTask, fromPromise, run, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { describe, expect, it } from "vitest";
import { LifoQueue, PriorityQueue, Queue } from "../src/index.js";

describe("for await over a queue", () => {
  it("takes queued and later items in order and ends when the queue is shut down", () =>
    runVirtual(function* () {
      const queue = new Queue<string>();
      const log: string[] = [];
      queue.putNowait("a");
      queue.putNowait("b");
      const consumer = (async () => {
        for await (const item of queue) log.push(`got ${item}`);
        log.push("loop ended");
      })();
      yield* sleep(10);
      log.push("put c");
      yield* queue.put("c");
      yield* sleep(10);
      log.push("shutdown");
      queue.shutdown();
      yield* fromPromise(consumer);
      expect(log).toEqual(["got a", "got b", "put c", "got c", "shutdown", "loop ended"]);
      expect(queue.statistics().waitingGetters).toBe(0);
    }));

  it("marks each item done when the body moves on, so join() waits for the last one", () =>
    runVirtual(function* () {
      const queue = new Queue<number>();
      const log: string[] = [];
      for (const n of [1, 2]) queue.putNowait(n);
      const consumer = (async () => {
        for await (const n of queue) {
          log.push(`handling ${n}`);
          await Promise.resolve();
        }
      })();
      createTask(
        (function* () {
          yield* queue.join();
          log.push("joined");
        })(),
      );
      yield* sleep(10);
      queue.shutdown();
      yield* fromPromise(consumer);
      yield* sleep(0);
      expect(log).toEqual(["handling 1", "handling 2", "joined"]);
    }));

  it("loses no item when the body breaks or throws: the rest stay queued", () =>
    runVirtual(function* () {
      const queue = new Queue<number>();
      for (const n of [1, 2, 3, 4]) queue.putNowait(n);
      const seen: number[] = [];
      yield* fromPromise(async () => {
        for await (const n of queue) {
          seen.push(n);
          if (n === 1) break;
        }
      });
      const failed = fromPromise(async () => {
        for await (const n of queue) {
          seen.push(n);
          throw new RangeError(`bad item ${n}`);
        }
      });
      let error: unknown;
      try {
        yield* failed;
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RangeError);
      expect(seen).toEqual([1, 2]);
      expect([queue.getNowait(), queue.getNowait()]).toEqual([3, 4]);
      queue.taskDone();
      queue.taskDone();
      expect(queue.statistics()).toMatchObject({ size: 0, waitingGetters: 0 });
      yield* queue.join(); // items 1 and 2 were marked done on the way out
    }));

  it("leaves no waiter behind when return() ends a pending next()", () =>
    runVirtual(function* () {
      const queue = new Queue<number>();
      const it = queue[Symbol.asyncIterator]();
      const pending = it.next();
      yield* sleep(0);
      expect(queue.statistics().waitingGetters).toBe(1);
      yield* fromPromise(it.return!());
      yield* sleep(0);
      expect(queue.statistics().waitingGetters).toBe(0);
      expect(yield* fromPromise(pending)).toEqual({ done: true, value: undefined });
      queue.putNowait(5);
      expect(queue.getNowait()).toBe(5); // the item went to nobody else
    }));

  it("iterates a LifoQueue and a PriorityQueue in their own order", () =>
    runVirtual(function* () {
      const lifo = new LifoQueue<number>();
      const prio = new PriorityQueue<number>();
      for (const n of [2, 3, 1]) {
        lifo.putNowait(n);
        prio.putNowait(n);
      }
      lifo.shutdown();
      prio.shutdown();
      const drain = async (q: AsyncIterable<number>) => {
        const out: number[] = [];
        for await (const n of q) out.push(n);
        return out;
      };
      expect(yield* fromPromise(drain(lifo))).toEqual([1, 3, 2]);
      expect(yield* fromPromise(drain(prio))).toEqual([1, 2, 3]);
    }));

  it("works on the real clock with a producer task", async () => {
    const got = await run(function* () {
      const queue = new Queue<number>(1);
      createTask(
        (function* () {
          for (let i = 0; i < 3; i++) {
            yield* queue.put(i);
            yield* sleep(1);
          }
          queue.shutdown();
        })(),
      );
      return yield* fromPromise(async () => {
        const out: number[] = [];
        for await (const n of queue) out.push(n);
        return out;
      });
    });
    expect(got).toEqual([0, 1, 2]);
  });

  it("rejects next() on an empty queue when no loop runs", async () => {
    const queue = new Queue<number>();
    await expect(queue[Symbol.asyncIterator]().next()).rejects.toThrow(RuntimeError);
    await expect(queue[Symbol.asyncIterator]().next()).rejects.toThrow(/no event loop runs/);
  });

  it("rejects a second next() while the first still waits", () =>
    runVirtual(function* () {
      const queue = new Queue<number>();
      const it = queue[Symbol.asyncIterator]();
      const first = it.next();
      let second: unknown;
      try {
        yield* fromPromise(it.next());
      } catch (e) {
        second = e;
      }
      expect(second).toBeInstanceOf(RuntimeError);
      queue.putNowait(9);
      expect(yield* fromPromise(first)).toEqual({ done: false, value: 9 });
    }));
});
