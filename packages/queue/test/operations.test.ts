// The get() operation a queue gives out again once it has finished (see `_getOp` in queue.ts), and
// the fast paths of put()/get(): none of it may be visible. Each test holds operations in a way
// that would mix up their state if the reuse were careless.
import { CancelledError, QueueShutDown } from "@corio/interfaces";
import { createTask, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { describe, expect, it } from "vitest";
import { Queue } from "../src/index.js";

describe("get() operations held at once", () => {
  it("two gets made before either is awaited are distinct and each gets one item", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      const a = q.get();
      const b = q.get();
      expect(a === b).toBe(false); // not toBe: on distinct objects it iterates them
      q.putNowait(1);
      q.putNowait(2);
      expect(yield* b).toBe(1);
      expect(yield* a).toBe(2);
    }));

  it("gets run as tasks at once wait in order and each gets its own item", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      const tasks = [q.get(), q.get(), q.get()].map((op) => createTask(op));
      yield* sleep(0);
      expect(q.statistics().waitingGetters).toBe(3);
      for (const i of [1, 2, 3]) q.putNowait(i);
      const got: number[] = [];
      for (const t of tasks) got.push(yield* t);
      expect(got).toEqual([1, 2, 3]);
    }));

  it("a finished get awaited again while a fresh get() waits does not disturb it", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      q.putNowait(1);
      const op = q.get();
      expect(yield* op).toBe(1);
      // The queue may now give `op` out again; the waiting task must keep its own state.
      const waiting = createTask(q.get());
      yield* sleep(0);
      const again = createTask(
        (function* () {
          return yield* op;
        })(),
      );
      yield* sleep(0);
      expect(q.statistics().waitingGetters).toBe(2);
      q.putNowait(2);
      q.putNowait(3);
      expect(yield* waiting).toBe(2);
      expect(yield* again).toBe(3);
    }));

  it("awaiting one operation from two coroutines at once makes two gets", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      const op = q.get();
      const t1 = createTask(
        (function* () {
          return yield* op;
        })(),
      );
      const t2 = createTask(
        (function* () {
          return yield* op;
        })(),
      );
      yield* sleep(0);
      expect(q.statistics().waitingGetters).toBe(2);
      q.putNowait(1);
      q.putNowait(2);
      expect([yield* t1, yield* t2]).toEqual([1, 2]);
    }));

  it("a get cancelled while waiting can be followed by gets that lose no item", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      const t = createTask(q.get());
      yield* sleep(0);
      t.cancel();
      yield* sleep(0);
      expect(t.cancelled()).toBe(true);
      q.putNowait(1);
      q.putNowait(2);
      expect(yield* q.get()).toBe(1);
      expect(yield* q.get()).toBe(2);
      expect(q.statistics().waitingGetters).toBe(0);
    }));

  it("a task made of a get and cancelled before it ran does not block later gets", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      const t = createTask(q.get());
      t.cancel();
      yield* sleep(0);
      expect(t.cancelled()).toBe(true);
      q.putNowait(1);
      expect(yield* q.get()).toBe(1);
    }));

  it("a get that throws QueueShutDown can be followed by getNowait on the same queue", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      q.shutdown();
      for (let i = 0; i < 2; i++) {
        let caught: unknown;
        try {
          yield* q.get();
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(QueueShutDown);
      }
    }));

  it("a get whose task is cancelled after it was woken leaves the item to the next get()", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      const first = createTask(q.get());
      yield* sleep(0);
      q.putNowait(1); // wakes `first`
      first.cancel(); // ... which never takes the item
      yield* sleep(0);
      expect(first.cancelled()).toBe(true);
      expect(yield* q.get()).toBe(1);
    }));
});

describe("put() operations", () => {
  it("a put awaited again puts its own item, whatever put() calls came between", () =>
    runVirtual(function* () {
      const q = new Queue<string>();
      const a = q.put("a");
      yield* a;
      const b = q.put("b");
      yield* a;
      yield* b;
      expect([q.getNowait(), q.getNowait(), q.getNowait()]).toEqual(["a", "a", "b"]);
    }));

  it("a cancelled waiting put puts nothing, and the next put() works", () =>
    runVirtual(function* () {
      const q = new Queue<number>(1);
      q.putNowait(0);
      const t = createTask(q.put(1));
      yield* sleep(0);
      t.cancel();
      yield* sleep(0);
      expect(t.cancelled()).toBe(true);
      expect(q.getNowait()).toBe(0);
      yield* q.put(2);
      expect(q.getNowait()).toBe(2);
      expect(q.qsize()).toBe(0);
    }));
});

describe("subclasses that replace the nowait methods", () => {
  it("put() and get() call an overridden putNowait(), getNowait() and full(), as asyncio does", () =>
    runVirtual(function* () {
      const calls: string[] = [];
      class Logged<T> extends Queue<T> {
        override putNowait(item: T): void {
          calls.push(`putNowait ${item}`);
          super.putNowait(item);
        }
        override getNowait(): T {
          const item = super.getNowait();
          calls.push(`getNowait ${item}`);
          return item;
        }
        override full(): boolean {
          calls.push("full");
          return super.full();
        }
      }
      const q = new Logged<number>(1);
      yield* q.put(1);
      expect(yield* q.get()).toBe(1);
      expect(calls).toEqual(["full", "putNowait 1", "getNowait 1"]);
    }));

  it("an error thrown by an overridden getNowait() reaches the caller and later gets work", () =>
    runVirtual(function* () {
      let fail = true;
      class Flaky<T> extends Queue<T> {
        override getNowait(): T {
          if (fail) {
            fail = false;
            throw new CancelledError("flaky");
          }
          return super.getNowait();
        }
      }
      const q = new Flaky<number>();
      q.putNowait(1);
      let caught: unknown;
      try {
        yield* q.get();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(CancelledError);
      expect(yield* q.get()).toBe(1);
    }));
});
