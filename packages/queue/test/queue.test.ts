import {
  CancelledError,
  getRunningLoop,
  InvalidStateError,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  RuntimeError,
} from "@corio/interfaces";
import { createTask, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { expectRaises } from "@corio/testkit";
import { describe, expect, it } from "vitest";
import { Queue } from "../src/index.js";

describe("Queue construction", () => {
  it("is unbounded by default", () => {
    const q = new Queue<number>();
    expect(q.maxsize).toBe(0);
    for (let i = 0; i < 1000; i++) q.putNowait(i);
    expect(q.full()).toBe(false);
    expect(q.qsize()).toBe(1000);
  });

  it("treats maxsize 0 or less as unbounded, as asyncio does", () => {
    for (const maxsize of [0, -1, -100]) {
      const q = new Queue<number>(maxsize);
      for (let i = 0; i < 10; i++) q.putNowait(i);
      expect(q.full()).toBe(false);
      expect(q.maxsize).toBe(maxsize);
    }
  });

  it("accepts Infinity as unbounded", () => {
    const q = new Queue<number>(Number.POSITIVE_INFINITY);
    q.putNowait(1);
    expect(q.full()).toBe(false);
  });

  it("rejects a maxsize that is not a number with a TypeError naming maxsize", () => {
    expect(() => new Queue("3" as never)).toThrow(TypeError);
    expect(() => new Queue("3" as never)).toThrow(/maxsize must be an integer.*string "3"/);
    expect(() => new Queue(null as never)).toThrow(/maxsize.*null/);
  });

  it("rejects a maxsize that is not an integer with a RangeError naming maxsize", () => {
    expect(() => new Queue(1.5)).toThrow(RangeError);
    expect(() => new Queue(1.5)).toThrow(/Queue\(maxsize\): maxsize must be an integer.*1\.5/);
    expect(() => new Queue(Number.NaN)).toThrow(RangeError);
  });
});

describe("Queue without waiting", () => {
  it("putNowait and getNowait keep FIFO order", () => {
    const q = new Queue<string>();
    q.putNowait("a");
    q.putNowait("b");
    q.putNowait("c");
    expect([q.getNowait(), q.getNowait(), q.getNowait()]).toEqual(["a", "b", "c"]);
  });

  it("getNowait on an empty queue throws QueueEmpty", () => {
    const q = new Queue<number>();
    expect(() => q.getNowait()).toThrow(QueueEmpty);
  });

  it("putNowait on a full queue throws QueueFull and puts nothing", () => {
    const q = new Queue<number>(2);
    q.putNowait(1);
    q.putNowait(2);
    expect(q.full()).toBe(true);
    expect(() => q.putNowait(3)).toThrow(QueueFull);
    expect(q.qsize()).toBe(2);
    expect(q.statistics().unfinishedTasks).toBe(2);
  });

  it("qsize, empty and full follow the items", () => {
    const q = new Queue<number>(2);
    expect([q.qsize(), q.empty(), q.full()]).toEqual([0, true, false]);
    q.putNowait(1);
    expect([q.qsize(), q.empty(), q.full()]).toEqual([1, false, false]);
    q.putNowait(2);
    expect([q.qsize(), q.empty(), q.full()]).toEqual([2, false, true]);
  });

  it("keeps FIFO order across the ring buffer's growth and wrap-around", () => {
    const q = new Queue<number>();
    const out: number[] = [];
    let next = 0;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < round % 7; i++) q.putNowait(next++);
      for (let i = 0; i < round % 5 && !q.empty(); i++) out.push(q.getNowait());
    }
    while (!q.empty()) out.push(q.getNowait());
    expect(out).toEqual(Array.from({ length: next }, (_, i) => i));
  });

  it("statistics() reports size, bound, waiters, unfinished tasks and shutdown", () =>
    runVirtual(function* () {
      const q = new Queue<number>(1);
      q.putNowait(1);
      createTask(q.put(2));
      createTask(q.put(3));
      yield* sleep(0);
      expect(q.statistics()).toEqual({
        size: 1,
        maxsize: 1,
        waitingGetters: 0,
        waitingPutters: 2,
        unfinishedTasks: 1,
        isShutdown: false,
      });
      q.shutdown();
      expect(q.statistics()).toEqual({
        size: 1,
        maxsize: 1,
        waitingGetters: 0,
        waitingPutters: 0,
        unfinishedTasks: 1,
        isShutdown: true,
      });
      yield* sleep(0);
    }));

  it("toString() reads like asyncio's str(queue)", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      expect(String(q)).toBe("<Queue maxsize=0>");
      q.putNowait(1);
      q.putNowait(2);
      expect(String(q)).toBe("<Queue maxsize=0 _queue=[1, 2] tasks=2>");
      q.getNowait();
      q.getNowait();
      createTask(q.get());
      yield* sleep(0);
      q.shutdown();
      expect(String(q)).toBe("<Queue maxsize=0 tasks=2 shutdown>");
      const waiting = new Queue<number>(1);
      waiting.putNowait(0);
      createTask(waiting.put(1));
      yield* sleep(0);
      expect(String(waiting)).toBe("<Queue maxsize=1 _queue=[0] _putters[1] tasks=1>");
      const empty = new Queue<number>();
      createTask(empty.get());
      yield* sleep(0);
      expect(String(empty)).toBe("<Queue maxsize=0 _getters[1]>");
    }));
});

describe("Queue.get()", () => {
  it("returns at once, without suspending, when an item is there", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const q = new Queue<string>();
      q.putNowait("a");
      createTask(
        (function* () {
          log.push("other task ran");
          yield* sleep(0);
        })(),
      );
      log.push(`got ${yield* q.get()}`);
      yield* sleep(0);
      expect(log).toEqual(["got a", "other task ran"]);
    }));

  it("resumes when an item arrives 5 s later", () =>
    runVirtual(function* () {
      const loop = getRunningLoop();
      const q = new Queue<string>();
      loop.callLater(5000, () => q.putNowait("a"));
      expect(yield* q.get()).toBe("a");
      expect(loop.time()).toBe(5000);
    }));

  it("serves waiting getters first come, first served", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const q = new Queue<number>();
      const getters = ["a", "b", "c"].map((name, i) =>
        createTask(
          (function* () {
            yield* sleep(i * 10); // arrive in order a, b, c
            log.push(`${name} got ${yield* q.get()}`);
          })(),
        ),
      );
      yield* sleep(100);
      for (const item of [1, 2, 3]) q.putNowait(item);
      for (const g of getters) yield* g;
      expect(log).toEqual(["a got 1", "b got 2", "c got 3"]);
    }));

  it("shows up as 'Queue.get()' in task listings", () =>
    runVirtual(function* () {
      const loop = getRunningLoop() as unknown as { formatTasks(): string };
      const q = new Queue<number>();
      const t = createTask(q.get(), { name: "consumer" });
      yield* sleep(0);
      expect(loop.formatTasks()).toContain("consumer: waiting on Queue.get()");
      t.cancel();
      yield* sleep(0);
    }));

  it("a cancelled get() leaves no waiter behind", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      const getter = createTask(q.get());
      yield* sleep(0);
      expect(q.statistics().waitingGetters).toBe(1);
      getter.cancel();
      yield* sleep(0);
      expect(getter.cancelled()).toBe(true);
      expect(q.statistics().waitingGetters).toBe(0);
      q.putNowait(1);
      expect(q.qsize()).toBe(1);
    }));

  it("a cancelled get() throws CancelledError with the cancel message into the waiter", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      const log: string[] = [];
      const getter = createTask(
        (function* () {
          try {
            yield* q.get();
          } catch (e) {
            log.push(`${(e as Error).name}: ${(e as Error).message}`);
            throw e;
          }
        })(),
      );
      yield* sleep(0);
      getter.cancel("stop");
      yield* sleep(0);
      expect(log).toEqual(["CancelledError: stop"]);
      expect(getter.cancelled()).toBe(true);
    }));

  it("a getter cancelled after it was woken, before it ran, leaves the item to the next getter", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      const first = createTask(q.get());
      const second = createTask(q.get());
      yield* sleep(0);
      q.putNowait(1); // wakes `first`
      first.cancel(); // before `first` runs
      expect(yield* second).toBe(1);
      expect(first.cancelled()).toBe(true);
      expect(q.qsize()).toBe(0);
    }));

  it("a getter woken and then cancelled with nobody else waiting leaves the item queued", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      const first = createTask(q.get());
      yield* sleep(0);
      q.putNowait(1);
      q.putNowait(2);
      first.cancel();
      yield* sleep(0);
      expect(first.cancelled()).toBe(true);
      // As CPython's test_get_cancel_drop_one_pending_reader: 1 must not be dropped.
      expect(yield* q.get()).toBe(1);
      expect(yield* q.get()).toBe(2);
    }));

  it("a get() timed out by a timer leaves no waiter behind", () =>
    runVirtual(function* () {
      const loop = getRunningLoop();
      const q = new Queue<number>(5);
      const getter = createTask(q.get());
      loop.callLater(100, () => getter.cancel());
      yield* sleep(200);
      expect(getter.cancelled()).toBe(true);
      expect(q.statistics().waitingGetters).toBe(0);
    }));

  it("is lazy: an operation made early gets when it is awaited", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      const op = q.get();
      q.putNowait(1);
      q.putNowait(2);
      expect(q.qsize()).toBe(2);
      expect(yield* op).toBe(1);
      expect(yield* op).toBe(2); // each yield* is its own get()
    }));

  it("closing the iterator while it waits (return()) leaves no waiter behind", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      const it = q.get()[Symbol.iterator]();
      const first = it.next();
      expect(first.done).toBe(false);
      expect(q.statistics().waitingGetters).toBe(1);
      it.return?.(0);
      expect(q.statistics().waitingGetters).toBe(0);
      q.putNowait(1);
      expect(q.qsize()).toBe(1);
      yield* sleep(0);
    }));

  it("throws RuntimeError when it must wait on a loop other than the queue's", async () => {
    const q = new Queue<number>();
    await runVirtual(function* () {
      const t = createTask(q.get());
      yield* sleep(0);
      t.cancel();
      yield* sleep(0);
    });
    await expect(
      runVirtual(function* () {
        yield* q.get();
      }),
    ).rejects.toThrow(RuntimeError);
    // Without waiting, the queue works from anywhere.
    q.putNowait(1);
    expect(q.getNowait()).toBe(1);
  });
});

describe("Queue.put()", () => {
  it("returns at once when there is room", () =>
    runVirtual(function* () {
      const q = new Queue<number>(1);
      yield* q.put(1);
      expect(q.qsize()).toBe(1);
      expect(getRunningLoop().time()).toBe(0);
    }));

  it("waits while the queue is full and resumes when an item is got", () =>
    runVirtual(function* () {
      const loop = getRunningLoop();
      const q = new Queue<number>(1);
      q.putNowait(1);
      loop.callLater(3000, () => q.getNowait());
      yield* q.put(2);
      expect(loop.time()).toBe(3000);
      expect(q.getNowait()).toBe(2);
    }));

  it("serves waiting putters first come, first served", () =>
    runVirtual(function* () {
      const q = new Queue<string>(1);
      q.putNowait("first");
      const putters = ["a", "b", "c"].map((item, i) =>
        createTask(
          (function* () {
            yield* sleep(i * 10);
            yield* q.put(item);
          })(),
        ),
      );
      yield* sleep(100);
      const got: string[] = [];
      for (let i = 0; i < 4; i++) got.push(yield* q.get());
      for (const p of putters) yield* p;
      expect(got).toEqual(["first", "a", "b", "c"]);
    }));

  it("a put() cancelled while blocked puts nothing and leaves no waiter behind", () =>
    runVirtual(function* () {
      const q = new Queue<number>(1);
      q.putNowait(1);
      const putter = createTask(q.put(2));
      yield* sleep(0);
      expect(q.statistics().waitingPutters).toBe(1);
      putter.cancel();
      yield* sleep(0);
      expect(putter.cancelled()).toBe(true);
      expect(q.statistics().waitingPutters).toBe(0);
      expect(q.getNowait()).toBe(1);
      expect(q.empty()).toBe(true);
      expect(q.statistics().unfinishedTasks).toBe(1);
    }));

  it("a putter cancelled after it was woken puts nothing and hands the slot to the next putter", () =>
    runVirtual(function* () {
      const q = new Queue<number>(1);
      q.putNowait(0);
      const first = createTask(q.put(1));
      const second = createTask(q.put(2));
      yield* sleep(0);
      expect(q.getNowait()).toBe(0); // wakes `first`
      first.cancel(); // before it runs
      yield* second;
      expect(first.cancelled()).toBe(true);
      expect(q.getNowait()).toBe(2);
      expect(q.empty()).toBe(true);
    }));

  it("shows up as 'Queue.put()' in task listings", () =>
    runVirtual(function* () {
      const loop = getRunningLoop() as unknown as { formatTasks(): string };
      const q = new Queue<number>(1);
      q.putNowait(0);
      const t = createTask(q.put(1), { name: "producer" });
      yield* sleep(0);
      expect(loop.formatTasks()).toContain("producer: waiting on Queue.put()");
      t.cancel();
      yield* sleep(0);
    }));
});

describe("Queue.taskDone() and join()", () => {
  it("join() on a queue with nothing unfinished returns at once", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      yield* q.join();
      yield* q.join();
      q.putNowait(1);
      q.getNowait();
      q.taskDone();
      yield* q.join();
      expect(getRunningLoop().time()).toBe(0);
    }));

  it("join() returns once every item put was marked done", () =>
    runVirtual(function* () {
      const loop = getRunningLoop();
      const q = new Queue<number>();
      for (let i = 0; i < 3; i++) q.putNowait(i);
      createTask(
        (function* () {
          for (;;) {
            yield* q.get();
            yield* sleep(1000);
            q.taskDone();
          }
        })(),
      );
      yield* q.join();
      expect(loop.time()).toBe(3000);
      expect(q.statistics().unfinishedTasks).toBe(0);
    }));

  it("taskDone() called too many times throws InvalidStateError", () => {
    const q = new Queue<number>();
    expect(() => q.taskDone()).toThrow(InvalidStateError);
    q.putNowait(1);
    q.getNowait();
    q.taskDone();
    expect(() => q.taskDone()).toThrow(/taskDone\(\) called too many times/);
  });

  it("a cancelled join() stops waiting and the others are still released", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      q.putNowait(1);
      const log: string[] = [];
      const a = createTask(q.join());
      const b = createTask(
        (function* () {
          yield* q.join();
          log.push("b joined");
        })(),
      );
      yield* sleep(0);
      a.cancel();
      yield* sleep(0);
      expect(a.cancelled()).toBe(true);
      q.getNowait();
      q.taskDone();
      yield* b;
      expect(log).toEqual(["b joined"]);
    }));

  it("join() shows up as 'Queue.join()' in task listings", () =>
    runVirtual(function* () {
      const loop = getRunningLoop() as unknown as { formatTasks(): string };
      const q = new Queue<number>();
      q.putNowait(1);
      const t = createTask(q.join(), { name: "joiner" });
      yield* sleep(0);
      expect(loop.formatTasks()).toContain("joiner: waiting on Queue.join()");
      t.cancel();
      yield* sleep(0);
    }));
});

describe("Queue.shutdown()", () => {
  function expectShutDown(op: () => unknown): void {
    expect(op).toThrow(QueueShutDown);
  }

  it("on an empty queue: waiting getters, put and get all throw QueueShutDown; join returns", () =>
    runVirtual(function* () {
      const q = new Queue<string>();
      const getter = createTask(q.get());
      yield* sleep(0);
      q.shutdown();
      expect(q.qsize()).toBe(0);
      yield* q.join();
      yield* sleep(0);
      expect(getter.done()).toBe(true);
      expect(() => getter.result()).toThrow(QueueShutDown);
      let caught: unknown;
      try {
        yield* q.put("data");
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(QueueShutDown);
      expectShutDown(() => q.putNowait("data"));
      caught = undefined;
      try {
        yield* q.get();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(QueueShutDown);
      expectShutDown(() => q.getNowait());
    }));

  it("on a non-empty queue: putters fail, items can still be got, join waits for them", () =>
    runVirtual(function* () {
      const q = new Queue<string>(1);
      q.putNowait("data");
      const joiner = createTask(q.join());
      const putter = createTask(q.put("data2"));
      yield* sleep(0);
      expect(putter.done()).toBe(false);
      q.shutdown();
      expect(q.qsize()).toBe(1);
      yield* sleep(0);
      expect(putter.done()).toBe(true);
      expect(() => putter.result()).toThrow(QueueShutDown);
      expect(yield* q.get()).toBe("data");
      yield* sleep(0);
      expect(joiner.done()).toBe(false);
      expectShutDown(() => q.putNowait("data"));
      expectShutDown(() => q.getNowait());
      q.taskDone();
      yield* sleep(0);
      expect(joiner.done()).toBe(true);
      expect(() => q.taskDone()).toThrow(InvalidStateError);
    }));

  it("immediate: drops the items, counts them done and releases join()", () =>
    runVirtual(function* () {
      const q = new Queue<string>();
      q.putNowait("data");
      const joiner = createTask(q.join());
      q.shutdown(true);
      expect(q.qsize()).toBe(0);
      yield* sleep(0);
      expect(joiner.done()).toBe(true);
      expectShutDown(() => q.putNowait("data"));
      expectShutDown(() => q.getNowait());
      expect(() => q.taskDone()).toThrow(InvalidStateError);
    }));

  it("immediate with an item got but not done: join() waits for that one", () =>
    runVirtual(function* () {
      const q = new Queue<string>();
      q.putNowait("data");
      q.putNowait("data");
      const joiner = createTask(q.join());
      expect(yield* q.get()).toBe("data");
      q.shutdown(true);
      expect(q.qsize()).toBe(0);
      yield* sleep(0);
      expect(joiner.done()).toBe(false);
      q.taskDone();
      expect(() => q.taskDone()).toThrow(InvalidStateError);
      yield* sleep(0);
      expect(joiner.done()).toBe(true);
    }));

  it("wakes every blocked putter with QueueShutDown, which reaches their callers", () =>
    runVirtual(function* () {
      const q = new Queue<number>(1);
      q.putNowait(0);
      const log: string[] = [];
      const putters = [1, 2].map((i) =>
        createTask(
          (function* () {
            try {
              yield* q.put(i);
            } catch (e) {
              log.push(`${i}: ${(e as Error).name}`);
            }
          })(),
        ),
      );
      yield* sleep(0);
      q.shutdown(true);
      for (const p of putters) yield* p;
      expect(log).toEqual(["1: QueueShutDown", "2: QueueShutDown"]);
      expect(q.qsize()).toBe(0);
    }));

  it("shutdown twice is harmless; immediate after graceful drops what is left", () => {
    const q = new Queue<number>();
    q.putNowait(1);
    q.putNowait(2);
    q.shutdown();
    q.shutdown();
    expect(q.qsize()).toBe(2);
    q.shutdown(true);
    expect(q.qsize()).toBe(0);
    expect(q.statistics().unfinishedTasks).toBe(0);
  });
});

describe("Queue error propagation", () => {
  it("an error in the consumer after get() does not put the item back", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      q.putNowait(1);
      const t = createTask(
        (function* () {
          yield* q.get();
          throw new Error("boom");
        })(),
      );
      let caught: unknown;
      try {
        yield* t;
      } catch (e) {
        caught = e;
      }
      expect((caught as Error).message).toBe("boom");
      expect(q.qsize()).toBe(0);
    }));

  it("CancelledError is thrown where the coroutine waits, and its finally runs", () =>
    runVirtual(function* () {
      const q = new Queue<number>();
      const log: string[] = [];
      const t = createTask(
        (function* () {
          try {
            yield* q.get();
          } finally {
            log.push("finally");
          }
        })(),
      );
      yield* sleep(0);
      t.cancel();
      yield* expectRaises(t, CancelledError);
      expect(log).toEqual(["finally"]);
    }));
});
