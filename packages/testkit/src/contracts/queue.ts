import type { Coroutine, Operation, QueueLike } from "@corio/interfaces";
import { getRunningLoop, QueueEmpty, QueueFull, QueueShutDown } from "@corio/interfaces";
import { createTask, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { checkSuiteApi, eq, list, ok, type SuiteApi, show, throws } from "./check.js";

/**
 * Options for {@link queueContract}.
 *
 * @asyncio none: corio's contract suites
 * @example
 * queueContract({ describe, it }, makeQueue, { name: "LifoQueue", fifo: false });
 */
export interface QueueContractOptions {
  /** The `describe` title. Default `"QueueLike contract"`. */
  name?: string;
  /**
   * Whether items come out in the order they went in. Set false for LIFO or priority queues:
   * the checks that depend on FIFO order are skipped. Default true.
   */
  fifo?: boolean;
  /**
   * Runs a coroutine to completion on a loop with a virtual clock. Default: `runVirtual` from
   * `@corio/task/testing`.
   */
  run?: <T>(main: () => Coroutine<T>) => Promise<T>;
  /**
   * Checks that cannot hold for this implementation, by test name, each with the reason (a queue
   * kept on a server cannot, say, hand an item from `putNowait()` to a `getNowait()` in another
   * process without a round trip). They are registered as skipped, the reason in their title.
   */
  notApplicable?: Record<string, string>;
}

const isEmpty = (e: unknown) => e instanceof QueueEmpty;
const isFull = (e: unknown) => e instanceof QueueFull;
const isShutDown = (e: unknown) => e instanceof QueueShutDown;

/** Runs `op` to the end, returning the error it threw (or fails if it did not throw). */
function* caught(op: Iterable<unknown> & object, what: string): Coroutine<unknown> {
  try {
    yield* op as Coroutine<unknown>;
  } catch (e) {
    return e;
  }
  throw new Error(`${what}: did not throw`);
}

/** Wraps any awaitable in a coroutine, so a task can run it. */
function* co<T>(op: Operation<T>): Coroutine<T> {
  return yield* op;
}

/** Gives every other task `n` loop iterations. */
function* turns(n: number): Coroutine<void> {
  for (let i = 0; i < n; i++) yield* sleep(0);
}

/**
 * Registers the queue contract suite: any `QueueLike` implementation runs it against itself. It
 * checks FIFO order, `QueueEmpty`/`QueueFull`, waiting `get()`/`put()` served in FIFO order,
 * backpressure with `maxsize`, cancellation without losing an item (including a getter that was
 * woken and cancelled before it resumed), `taskDone()`/`join()`, `shutdown()` in both modes and
 * `statistics()`.
 *
 * `makeQueue` is called inside a running coroutine with the bound to use (0: unbounded).
 *
 * @asyncio the behaviour of `asyncio.Queue` (3.13) that `test_asyncio/test_queues.py` checks.
 * @throws {TypeError} if `api` lacks `describe`/`it` or `makeQueue` is not a function.
 * @example
 * import { describe, it } from "vitest";
 * import { Queue } from "@corio/queue";
 * import { queueContract } from "@corio/testkit";
 *
 * queueContract({ describe, it }, (maxsize) => new Queue<number>({ maxsize }));
 */
export function queueContract(
  api: SuiteApi,
  makeQueue: (maxsize: number) => QueueLike<number>,
  options: QueueContractOptions = {},
): void {
  checkSuiteApi("queueContract(api, makeQueue)", api);
  if (typeof makeQueue !== "function") {
    throw new TypeError(
      `queueContract(api, makeQueue): makeQueue must be a function (maxsize) => queue, got ${typeof makeQueue}`,
    );
  }
  const { describe } = api;
  const fifo = options.fifo ?? true;
  const runner = options.run ?? runVirtual;
  // A body that never waits may be a plain function; it still runs inside a task on the loop.
  const test = (body: () => Coroutine<void> | void) => async (): Promise<void> => {
    await runner(function* () {
      const coro = body();
      if (coro !== undefined) yield* coro;
    });
  };
  const skipped = options.notApplicable ?? {};
  const skip = (api as { it: { skip?: SuiteApi["it"] } }).it.skip;
  // Every check goes through here, so a check named in `notApplicable` is reported, not run.
  const it = (name: string, body: () => void | Promise<void>): unknown => {
    const reason = skipped[name];
    if (reason === undefined) return api.it(name, body);
    const title = `${name} (not applicable: ${reason})`;
    return skip !== undefined ? skip.call(api.it, title, body) : undefined;
  };
  const itFifo = (name: string, body: () => Coroutine<void> | void) => {
    if (fifo) it(name, test(body));
  };

  describe(options.name ?? "QueueLike contract", () => {
    describe("without waiting", () => {
      itFifo("getNowait() returns items in the order putNowait() added them", () => {
        const q = makeQueue(0);
        for (const n of [1, 2, 3]) q.putNowait(n);
        list([q.getNowait(), q.getNowait(), q.getNowait()], [1, 2, 3], "FIFO order");
      });

      it(
        "throws QueueEmpty from getNowait() on an empty queue and QueueFull from putNowait() on a full one",
        test(() => {
          const q = makeQueue(2);
          throws(() => q.getNowait(), isEmpty, "getNowait() on an empty queue");
          q.putNowait(1);
          q.putNowait(2);
          throws(() => q.putNowait(3), isFull, "putNowait() on a full queue");
          eq(q.qsize(), 2, "qsize() after the failed putNowait()");
        }),
      );

      it(
        "reports qsize(), empty(), full() and maxsize",
        test(() => {
          const q = makeQueue(2);
          eq(q.maxsize, 2, "maxsize");
          list([q.qsize(), q.empty(), q.full()], [0, true, false], "[qsize, empty, full] at first");
          q.putNowait(1);
          list([q.qsize(), q.empty(), q.full()], [1, false, false], "with one item");
          q.putNowait(2);
          list([q.qsize(), q.empty(), q.full()], [2, false, true], "with two items");
        }),
      );

      it(
        "never fills up when unbounded (maxsize 0)",
        test(() => {
          const q = makeQueue(0);
          for (let i = 0; i < 1000; i++) q.putNowait(i);
          eq(q.full(), false, "full() with 1000 items");
          eq(q.qsize(), 1000, "qsize()");
        }),
      );
    });

    describe("waiting", () => {
      it(
        "get() waits for an item put 5 s later",
        test(function* () {
          const loop = getRunningLoop();
          const q = makeQueue(0);
          const t0 = loop.time();
          loop.callLater(5000, () => q.putNowait(42));
          eq(yield* q.get(), 42, "get()");
          eq(loop.time() - t0, 5000, "elapsed ms");
        }),
      );

      itFifo("serves waiting getters first come, first served", function* () {
        const q = makeQueue(0);
        const log: string[] = [];
        const tasks = ["g1", "g2", "g3"].map((name) =>
          createTask(
            (function* () {
              log.push(`${name} got ${yield* q.get()}`);
            })(),
          ),
        );
        yield* sleep(0);
        eq(q.statistics().waitingGetters, 3, "waitingGetters");
        for (const n of [1, 2, 3]) q.putNowait(n);
        for (const t of tasks) yield* t;
        list(log, ["g1 got 1", "g2 got 2", "g3 got 3"], "getter order");
      });

      itFifo("put() waits while the queue is full (backpressure)", function* () {
        const loop = getRunningLoop();
        const t0 = loop.time();
        const q = makeQueue(2);
        const log: string[] = [];
        const at = () => loop.time() - t0;
        const producer = createTask(
          (function* () {
            for (let i = 1; i <= 4; i++) {
              yield* q.put(i);
              log.push(`${at()} put ${i}`);
            }
          })(),
        );
        for (let i = 0; i < 4; i++) {
          yield* sleep(1000);
          log.push(`${at()} got ${yield* q.get()}`);
        }
        yield* producer;
        list(
          log,
          [
            "0 put 1",
            "0 put 2",
            "1000 got 1",
            "1000 put 3",
            "2000 got 2",
            "2000 put 4",
            "3000 got 3",
            "4000 got 4",
          ],
          "timeline (same as asyncio 3.13)",
        );
      });

      itFifo("serves waiting putters first come, first served", function* () {
        const q = makeQueue(1);
        q.putNowait(0);
        const putters = [1, 2, 3].map((n) => createTask(co(q.put(n))));
        yield* sleep(0);
        eq(q.statistics().waitingPutters, 3, "waitingPutters");
        const got: number[] = [];
        for (let i = 0; i < 4; i++) got.push(yield* q.get());
        for (const p of putters) yield* p;
        list(got, [0, 1, 2, 3], "items in putter order");
      });
    });

    describe("cancellation", () => {
      it(
        "a cancelled get() leaves no waiter behind and takes no item",
        test(function* () {
          const q = makeQueue(0);
          const getter = createTask(co(q.get()));
          yield* sleep(0);
          getter.cancel();
          yield* sleep(0);
          eq(getter.cancelled(), true, "getter.cancelled()");
          eq(q.statistics().waitingGetters, 0, "waitingGetters");
          q.putNowait(1);
          eq(q.getNowait(), 1, "the next item is still there");
        }),
      );

      it(
        "a getter woken by an item and cancelled before it resumes loses no item",
        test(function* () {
          const q = makeQueue(0);
          const getter = createTask(co(q.get()));
          yield* sleep(0);
          q.putNowait(5); // wakes the getter...
          getter.cancel(); // ...which is cancelled before it runs again
          yield* turns(3);
          eq(getter.cancelled(), true, "getter.cancelled()");
          eq(q.qsize(), 1, "the item stays in the queue");
          eq(q.getNowait(), 5, "getNowait()");
        }),
      );

      it(
        "the item a cancelled, woken getter did not take goes to the next getter",
        test(function* () {
          const q = makeQueue(0);
          const log: string[] = [];
          const getter = (name: string) =>
            createTask(
              (function* () {
                try {
                  log.push(`${name} got ${yield* q.get()}`);
                } catch (e) {
                  log.push(`${name} ${e instanceof Error ? e.name : show(e)}`);
                  throw e;
                }
              })(),
            );
          const g1 = getter("g1");
          const g2 = getter("g2");
          yield* sleep(0);
          q.putNowait(7);
          g1.cancel();
          yield* turns(3);
          ok(g2.done(), "g2 got the item");
          list(log, ["g1 CancelledError", "g2 got 7"], "what each getter saw");
          eq(q.qsize(), 0, "qsize()");
        }),
      );

      it(
        "a cancelled put() does not add its item",
        test(function* () {
          const q = makeQueue(1);
          q.putNowait(1);
          const putter = createTask(co(q.put(2)));
          yield* sleep(0);
          putter.cancel();
          yield* sleep(0);
          eq(putter.cancelled(), true, "putter.cancelled()");
          eq(q.statistics().waitingPutters, 0, "waitingPutters");
          eq(q.getNowait(), 1, "getNowait()");
          eq(q.empty(), true, "the cancelled item was never added");
        }),
      );

      it(
        "a putter woken by a get and cancelled before it resumes lets the next putter in",
        test(function* () {
          const q = makeQueue(1);
          q.putNowait(1);
          const p1 = createTask(co(q.put(2)));
          const p2 = createTask(co(q.put(3)));
          yield* sleep(0);
          eq(q.getNowait(), 1, "getNowait()");
          p1.cancel();
          yield* turns(3);
          ok(p1.cancelled(), "p1 was cancelled");
          ok(p2.done() && !p2.cancelled(), "p2 put its item");
          eq(q.qsize(), 1, "qsize()");
          eq(q.getNowait(), 3, "the item of p2");
        }),
      );
    });

    describe("taskDone() and join()", () => {
      it(
        "join() returns at once when nothing is unfinished",
        test(function* () {
          const loop = getRunningLoop();
          const q = makeQueue(0);
          const t0 = loop.time();
          yield* q.join();
          eq(loop.time(), t0, "no time passed");
        }),
      );

      it(
        "join() waits until every item put is marked with taskDone()",
        test(function* () {
          const q = makeQueue(0);
          q.putNowait(1);
          q.putNowait(2);
          eq(q.statistics().unfinishedTasks, 2, "unfinishedTasks");
          const joiner = createTask(co(q.join()));
          q.getNowait();
          q.taskDone();
          yield* turns(2);
          eq(joiner.done(), false, "join() still waits with one unfinished item");
          q.getNowait();
          q.taskDone();
          yield* turns(2);
          eq(joiner.done(), true, "join() returned");
        }),
      );

      it(
        "taskDone() throws when called more times than items were put",
        test(function* () {
          const q = makeQueue(0);
          q.putNowait(1);
          q.getNowait();
          q.taskDone();
          throws(
            () => q.taskDone(),
            (e) => e instanceof Error,
            "a second taskDone()",
          );
        }),
      );
    });

    describe("shutdown()", () => {
      it(
        "refuses new items, lets getters drain what is left, then throws QueueShutDown",
        test(function* () {
          const q = makeQueue(0);
          q.putNowait(1);
          q.putNowait(2);
          q.shutdown();
          eq(q.statistics().isShutdown, true, "statistics().isShutdown");
          throws(() => q.putNowait(3), isShutDown, "putNowait() after shutdown()");
          eq(isShutDown(yield* caught(q.put(3), "put() after shutdown()")), true, "put() error");
          const drained = [q.getNowait(), yield* q.get()];
          list(drained.slice().sort(), [1, 2], "items left are still delivered");
          throws(() => q.getNowait(), isShutDown, "getNowait() once drained");
          eq(isShutDown(yield* caught(q.get(), "get() once drained")), true, "get() error");
        }),
      );

      it(
        "wakes waiting getters and putters with QueueShutDown",
        test(function* () {
          const empty = makeQueue(0);
          const full = makeQueue(1);
          full.putNowait(1);
          const getter = createTask(caught(empty.get(), "waiting get()"));
          const putter = createTask(caught(full.put(2), "waiting put()"));
          yield* sleep(0);
          empty.shutdown();
          full.shutdown();
          eq(isShutDown(yield* getter), true, "the waiting getter's error is QueueShutDown");
          eq(isShutDown(yield* putter), true, "the waiting putter's error is QueueShutDown");
          eq(full.qsize(), 1, "the putter's item was not added");
        }),
      );

      it(
        "shutdown(true) drops the items left, fails get() and releases join()",
        test(function* () {
          const q = makeQueue(0);
          q.putNowait(1);
          q.putNowait(2);
          const joiner = createTask(co(q.join()));
          yield* sleep(0);
          q.shutdown(true);
          eq(q.qsize(), 0, "qsize() after shutdown(true)");
          throws(() => q.getNowait(), isShutDown, "getNowait()");
          yield* turns(2);
          eq(joiner.done(), true, "join() returned");
        }),
      );
    });

    it(
      "statistics() reports size, bound and who waits",
      test(function* () {
        const q = makeQueue(1);
        const getter = createTask(co(q.get()));
        yield* sleep(0);
        const s0 = q.statistics();
        list(
          [s0.size, s0.maxsize, s0.waitingGetters, s0.waitingPutters, s0.isShutdown],
          [0, 1, 1, 0, false],
          "[size, maxsize, waitingGetters, waitingPutters, isShutdown] with a getter waiting",
        );
        yield* q.put(1);
        yield* getter;
        q.putNowait(2);
        const putter = createTask(co(q.put(3)));
        yield* sleep(0);
        const s1 = q.statistics();
        list(
          [s1.size, s1.waitingGetters, s1.waitingPutters],
          [1, 0, 1],
          "[size, waitingGetters, waitingPutters] with a putter waiting",
        );
        q.getNowait();
        yield* putter;
      }),
    );
  });
}
