// The same scenarios as test/cpython/order.py, whose CPython 3.13 traces are pasted here whole:
// corio's queues must produce the same events in the same order.
import {
  CancelledError,
  type Coroutine,
  getRunningLoop,
  InvalidStateError,
  type Operation,
  QueueShutDown,
} from "@corio/interfaces";
import { createTask, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { describe, expect, it } from "vitest";
import { LifoQueue, PriorityQueue, Queue } from "../src/index.js";

/** Awaits every task in turn, as `gather(*tasks, return_exceptions=True)` would. */
function* settle(tasks: Operation<unknown>[]): Coroutine<void> {
  for (const t of tasks) {
    try {
      yield* t;
    } catch {
      // the task logged what happened
    }
  }
}

describe("event order matches CPython 3.13", () => {
  it("bounded_handoff: two producers and two consumers through a queue of 2", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const q = new Queue<number>(2);
      function* producer(name: string, items: number[]) {
        for (const i of items) {
          log.push(`${name} put ${i}?`);
          yield* q.put(i);
          log.push(`${name} put ${i}`);
        }
      }
      function* consumer(name: string, n: number) {
        for (let k = 0; k < n; k++) {
          const item = yield* q.get();
          log.push(`${name} got ${item}`);
          yield* sleep(0);
        }
      }
      yield* settle([
        createTask(producer("p1", [1, 2, 3])),
        createTask(producer("p2", [10, 20, 30])),
        createTask(consumer("c1", 3)),
        createTask(consumer("c2", 3)),
      ]);
      log.push(`size ${q.qsize()}`);
    });
    expect(log).toEqual([
      "p1 put 1?",
      "p1 put 1",
      "p1 put 2?",
      "p1 put 2",
      "p1 put 3?",
      "p2 put 10?",
      "c1 got 1",
      "c2 got 2",
      "p1 put 3",
      "c1 got 3",
      "p2 put 10",
      "p2 put 20?",
      "p2 put 20",
      "p2 put 30?",
      "c2 got 10",
      "c1 got 20",
      "p2 put 30",
      "c2 got 30",
      "size 0",
    ]);
  });

  it("woken_getter_cancelled: the item a cancelled getter was woken for goes to the next", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const q = new Queue<number>();
      function* getter(name: string) {
        try {
          log.push(`${name} got ${yield* q.get()}`);
        } catch (e) {
          if (e instanceof CancelledError) log.push(`${name} cancelled`);
          throw e;
        }
      }
      const tasks = ["g1", "g2", "g3"].map((n) => createTask(getter(n)));
      yield* sleep(0);
      q.putNowait(1);
      q.putNowait(2);
      tasks[0]!.cancel();
      yield* settle(tasks);
      log.push(`size ${q.qsize()}`);
    });
    expect(log).toEqual(["g1 cancelled", "g2 got 1", "g3 got 2", "size 0"]);
  });

  it("woken_putter_cancelled: the slot a cancelled putter was woken for goes to the next", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const q = new Queue<number>(1);
      q.putNowait(0);
      function* putter(name: string, item: number) {
        try {
          yield* q.put(item);
          log.push(`${name} put ${item}`);
        } catch (e) {
          if (e instanceof CancelledError) log.push(`${name} cancelled`);
          throw e;
        }
      }
      const tasks = [1, 2, 3].map((i) => createTask(putter(`p${i}`, i)));
      yield* sleep(0);
      log.push(`main got ${q.getNowait()}`);
      tasks[0]!.cancel();
      yield* sleep(0);
      yield* sleep(0);
      log.push(`main got ${q.getNowait()}`);
      yield* settle(tasks);
      log.push(`main got ${q.getNowait()}`);
      log.push(`size ${q.qsize()}`);
    });
    expect(log).toEqual([
      "main got 0",
      "p1 cancelled",
      "p2 put 2",
      "main got 2",
      "p3 put 3",
      "main got 3",
      "size 0",
    ]);
  });

  it("barging_get: a get() on a non-empty queue takes the item a woken getter was due", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const q = new Queue<number>();
      function* getter(name: string) {
        log.push(`${name} got ${yield* q.get()}`);
      }
      const g1 = createTask(getter("g1"));
      yield* sleep(0);
      const g2 = createTask(getter("g2"));
      yield* sleep(0);
      q.putNowait(1);
      log.push(`main got ${yield* q.get()}`);
      yield* sleep(0);
      q.putNowait(2);
      q.putNowait(3);
      yield* settle([g1, g2]);
    });
    expect(log).toEqual(["main got 1", "g2 got 2", "g1 got 3"]);
  });

  it("shutdown_graceful: putters fail at once, consumers finish the items, then join returns", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const q = new Queue<string>(1);
      q.putNowait("a");
      function* putter() {
        try {
          yield* q.put("b");
          log.push("putter put b");
        } catch (e) {
          if (!(e instanceof QueueShutDown)) throw e;
          log.push("putter shut down");
        }
      }
      function* joiner() {
        yield* q.join();
        log.push("joined");
      }
      function* consumer() {
        for (;;) {
          let item: string;
          try {
            item = yield* q.get();
          } catch (e) {
            if (!(e instanceof QueueShutDown)) throw e;
            log.push("consumer shut down");
            return;
          }
          log.push(`consumer got ${item}`);
          yield* sleep(0);
          q.taskDone();
          log.push(`consumer done ${item}`);
        }
      }
      const p = createTask(putter());
      const j = createTask(joiner());
      yield* sleep(0);
      q.shutdown();
      log.push(`shutdown size ${q.qsize()}`);
      const c = createTask(consumer());
      yield* settle([p, j, c]);
    });
    expect(log).toEqual([
      "shutdown size 1",
      "putter shut down",
      "consumer got a",
      "consumer done a",
      "consumer shut down",
      "joined",
    ]);
  });

  it("shutdown_immediate: items are dropped and counted done, join waits for the one got", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const q = new Queue<string>(2);
      q.putNowait("a");
      q.putNowait("b");
      function* putter() {
        try {
          yield* q.put("c");
        } catch (e) {
          if (!(e instanceof QueueShutDown)) throw e;
          log.push("putter shut down");
        }
      }
      function* joiner() {
        yield* q.join();
        log.push("joined");
      }
      const p = createTask(putter());
      const j = createTask(joiner());
      log.push(`main got ${yield* q.get()}`);
      q.shutdown(true);
      log.push(`shutdown size ${q.qsize()}`);
      yield* sleep(0);
      q.taskDone();
      log.push("main task_done");
      yield* settle([p, j]);
      try {
        q.taskDone();
      } catch (e) {
        if (e instanceof InvalidStateError) log.push("task_done too many");
      }
    });
    expect(log).toEqual([
      "main got a",
      "shutdown size 0",
      "putter shut down",
      "main task_done",
      "joined",
      "task_done too many",
    ]);
  });

  it("getters_woken_by_shutdown: a getter woken for an item still takes it, the rest fail", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const q = new Queue<number>();
      function* getter(name: string) {
        try {
          log.push(`${name} got ${yield* q.get()}`);
        } catch (e) {
          if (!(e instanceof QueueShutDown)) throw e;
          log.push(`${name} shut down`);
        }
      }
      const tasks = ["g1", "g2"].map((n) => createTask(getter(n)));
      yield* sleep(0);
      q.putNowait(1);
      q.shutdown();
      log.push("shutdown");
      yield* settle(tasks);
      log.push(`size ${q.qsize()}`);
    });
    expect(log).toEqual(["shutdown", "g1 got 1", "g2 shut down", "size 0"]);
  });

  it("join_waits_for_task_done: every joiner is released in the order it joined", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const q = new Queue<number>();
      function* worker(name: string): Coroutine<never> {
        for (;;) {
          const item = yield* q.get();
          log.push(`${name} got ${item}`);
          yield* sleep(0);
          q.taskDone();
        }
      }
      function* joiner(name: string) {
        yield* q.join();
        log.push(`${name} joined`);
      }
      const workers = ["w1", "w2"].map((n) => createTask(worker(n)));
      for (let i = 0; i < 3; i++) q.putNowait(i);
      const joiners = ["j1", "j2"].map((n) => createTask(joiner(n)));
      yield* q.join();
      log.push("main joined");
      yield* settle(joiners);
      for (const w of workers) w.cancel();
    });
    expect(log).toEqual([
      "w1 got 0",
      "w2 got 1",
      "w1 got 2",
      "main joined",
      "j1 joined",
      "j2 joined",
    ]);
  });

  it("lifo_and_priority: LIFO and priority orders", () => {
    const lq = new LifoQueue<number>();
    const pq = new PriorityQueue<[number, number]>();
    for (const i of [3, 1, 4, 1, 5, 9, 2, 6]) {
      lq.putNowait(i);
      pq.putNowait([i % 3, i]);
    }
    const lifo = Array.from({ length: 8 }, () => lq.getNowait()).join(" ");
    const prio = Array.from({ length: 8 }, () => {
      const [p, i] = pq.getNowait();
      return `(${p}, ${i})`;
    }).join(" ");
    expect([lifo, prio]).toEqual([
      "6 2 9 5 1 4 1 3",
      "(0, 3) (0, 6) (0, 9) (1, 1) (1, 1) (1, 4) (2, 2) (2, 5)",
    ]);
  });

  it("put_cancelled_race: a cancelled waiting putter leaves the line to the next", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const q = new Queue<string>(1);
      function* putter(item: string) {
        try {
          yield* q.put(item);
          log.push(`put ${item}`);
        } catch (e) {
          if (e instanceof CancelledError) log.push(`cancelled ${item}`);
          throw e;
        }
      }
      const a = createTask(putter("a"));
      const b = createTask(putter("b"));
      const c = createTask(putter("X"));
      yield* sleep(0);
      log.push(`a done ${a.done() ? "True" : "False"}, b done ${b.done() ? "True" : "False"}`);
      c.cancel();
      yield* sleep(0);
      log.push(`c done ${c.done() ? "True" : "False"}`);
      log.push(`main got ${q.getNowait()}`);
      yield* sleep(0);
      log.push(`main got ${q.getNowait()}`);
      yield* b;
      log.push(`size ${q.qsize()}`);
    });
    expect(log).toEqual([
      "put a",
      "a done True, b done False",
      "cancelled X",
      "c done True",
      "main got a",
      "put b",
      "main got b",
      "size 0",
    ]);
  });

  it("getter_timeouts: getters cancelled by timers before and after an item arrives", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const loop = getRunningLoop();
      const q = new Queue<string>();
      function* getter(name: string) {
        try {
          log.push(`${name} got ${yield* q.get()}`);
        } catch (e) {
          if (!(e instanceof CancelledError)) throw e;
          log.push(`${name} timed out`);
        }
      }
      const g1 = createTask(getter("g1"));
      const g2 = createTask(getter("g2"));
      const g3 = createTask(getter("g3"));
      loop.callLater(10, () => g1.cancel());
      loop.callLater(30, () => g3.cancel());
      loop.callLater(20, () => q.putNowait("x"));
      yield* settle([g1, g2, g3]);
      log.push(`size ${q.qsize()}`);
    });
    expect(log).toEqual(["g1 timed out", "g2 got x", "g3 timed out", "size 0"]);
  });

  it("join_cancelled: a joiner released and then cancelled before it resumes is cancelled", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const q = new Queue<number>();
      q.putNowait(1);
      function* joiner(name: string) {
        try {
          yield* q.join();
          log.push(`${name} joined`);
        } catch (e) {
          if (!(e instanceof CancelledError)) throw e;
          log.push(`${name} cancelled`);
        }
      }
      const j1 = createTask(joiner("j1"));
      const j2 = createTask(joiner("j2"));
      yield* sleep(0);
      q.getNowait();
      q.taskDone();
      j1.cancel();
      yield* settle([j1, j2]);
    });
    expect(log).toEqual(["j1 cancelled", "j2 joined"]);
  });
});
