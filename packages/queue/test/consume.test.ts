import { CancelledError, getRunningLoop } from "@corio/interfaces";
import { createTask, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { expectRaises } from "@corio/testkit";
import { describe, expect, it } from "vitest";
import { consume, Queue } from "../src/index.js";

describe("consume()", () => {
  it("hands every item to the handler until shutdown, marks each done, returns the count", () =>
    runVirtual(function* () {
      const q = new Queue<number>(2);
      const log: string[] = [];
      const worker = createTask(
        consume(q, function* (item: number) {
          yield* sleep(100);
          log.push(`handled ${item}`);
        }),
      );
      for (let i = 1; i <= 4; i++) yield* q.put(i);
      yield* q.join();
      log.push(`joined at ${getRunningLoop().time()}`);
      q.shutdown();
      expect(yield* worker).toBe(4);
      expect(log).toEqual(["handled 1", "handled 2", "handled 3", "handled 4", "joined at 400"]);
    }));

  it("several workers share the items; a graceful shutdown lets them finish the queue", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      const seen: number[] = [];
      const workers = [1, 2, 3].map(() =>
        createTask(
          consume(q, (item: number) => {
            seen.push(item);
            return sleep(10 * item);
          }),
        ),
      );
      for (let i = 0; i < 9; i++) q.putNowait(i);
      q.shutdown();
      let total = 0;
      for (const w of workers) total += (yield* w) as number;
      expect(total).toBe(9);
      expect([...seen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    }));

  it("a plain handler that returns nothing works too", () =>
    runVirtual(function* () {
      const q = new Queue<string>();
      const seen: string[] = [];
      q.putNowait("a");
      q.putNowait("b");
      q.shutdown();
      expect(yield* consume(q, (s: string) => void seen.push(s))).toBe(2);
      expect(seen).toEqual(["a", "b"]);
    }));

  it("an error in the handler marks the item done, then propagates", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      q.putNowait(1);
      q.putNowait(2);
      let caught: unknown;
      try {
        yield* consume(q, (n: number) => {
          if (n === 1) throw new Error("bad item");
        });
      } catch (e) {
        caught = e;
      }
      expect((caught as Error).message).toBe("bad item");
      expect(q.statistics().unfinishedTasks).toBe(1);
      expect(q.qsize()).toBe(1);
    }));

  it("cancelling a waiting worker loses no item", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      const seen: number[] = [];
      const worker = createTask(consume(q, (n: number) => void seen.push(n)));
      yield* sleep(0);
      q.putNowait(1); // wakes the worker...
      worker.cancel(); // ...which is cancelled before it runs
      yield* expectRaises(worker, CancelledError);
      expect(seen).toEqual([]);
      expect(q.getNowait()).toBe(1);
    }));

  it("an immediate shutdown stops the worker without the items left", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      const seen: number[] = [];
      const worker = createTask(
        consume(q, function* (n: number) {
          seen.push(n);
          yield* sleep(10);
        }),
      );
      for (let i = 0; i < 5; i++) q.putNowait(i);
      yield* sleep(15);
      q.shutdown(true);
      expect(yield* worker).toBe(2);
      expect(seen).toEqual([0, 1]);
    }));

  it("rejects a handler that is not a function", () => {
    expect(() => consume(new Queue<number>(), 42 as never)).toThrow(
      /consume\(queue, handle\): handle must be a function/,
    );
  });
});
