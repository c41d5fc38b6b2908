// A waiter woken for an item or a free slot that then fails to use it (its store or an overridden
// method throws) must hand the wake-up to the next waiter, exactly as a waiter cancelled after
// being woken does. Otherwise the item or the slot is stranded: the next waiter sleeps forever
// although the queue could serve it (issue 15, defect 7).
import { createTask, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { describe, expect, it } from "vitest";
import { PriorityQueue, Queue } from "../src/index.js";

describe("a woken waiter that fails passes its wake-up on", () => {
  it("put(): a key function that throws for the woken putter's item frees the slot for the next putter", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const q = new PriorityQueue<string>(1, {
        key: (item) => {
          if (item === "bad") throw new TypeError("no priority for bad");
          return item;
        },
      });
      q.putNowait("first");
      const bad = createTask(q.put("bad"));
      const good = createTask(q.put("good"));
      yield* sleep(0);
      expect(q.statistics().waitingPutters).toBe(2);
      log.push(`got ${q.getNowait()}`); // frees the slot: wakes the "bad" putter
      yield* sleep(0);
      yield* sleep(0);
      log.push(bad.done() ? `bad: ${(bad.exception() as Error).message}` : "bad pending");
      log.push(good.done() ? "good put" : "good still waiting");
      log.push(`queue holds ${q.qsize()}`);
      expect(log).toEqual(["got first", "bad: no priority for bad", "good put", "queue holds 1"]);
      expect(q.getNowait()).toBe("good");
    }));

  it("get(): an overridden getNowait() that throws for the woken getter leaves the item to the next getter", () =>
    runVirtual(function* () {
      let failNext = false;
      class Flaky<T> extends Queue<T> {
        override getNowait(): T {
          if (failNext) {
            failNext = false;
            throw new RangeError("flaky getNowait");
          }
          return super.getNowait();
        }
      }
      const q = new Flaky<number>();
      const first = createTask(q.get());
      const second = createTask(q.get());
      yield* sleep(0);
      failNext = true;
      q.putNowait(7); // wakes the first getter, whose getNowait() throws
      yield* sleep(0);
      yield* sleep(0);
      expect(first.done() && (first.exception() as Error).message).toBe("flaky getNowait");
      expect(second.done()).toBe(true);
      expect(second.result()).toBe(7);
      expect(q.statistics().waitingGetters).toBe(0);
    }));
});
