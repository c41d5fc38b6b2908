/**
 * Reliability: random mixes of producers, consumers, timeouts, cancellations and shutdowns under
 * the virtual clock, checked against the queue's promises.
 *
 * How a run works: each producer puts its own numbered items (producer p's i-th item is
 * p * 1000 + i) one after another, each by `put()`, `putNowait()` or `put()` under a timeout;
 * each consumer gets items by `get()`, `getNowait()` or `get()` under a timeout, "works" on each
 * for a while and marks it done in a `finally`. A timeout is a child task cancelled by a
 * `loop.callLater` timer. Joiners call `join()`; timers and canceller tasks cancel random actors,
 * and a timer may shut the queue down (gracefully or at once). Times are small integers so that events often coincide,
 * which is where wake-ups race with cancellations.
 *
 * Every put and get is recorded in the same step as it returns, so the records are exact. Then:
 * - every item got was put, and is got at most once; every item put is got, or still in the
 *   queue at the end, or was dropped by `shutdown(true)`;
 * - a FIFO queue hands out each producer's items in the order they were put;
 * - no item is stranded: whenever the loop is idle (every event happens at a whole millisecond,
 *   so half a millisecond later everything woken has run), a getter is parked only while the
 *   queue is empty and open, and a putter only while it is full and open;
 * - `join()` returns only after the count of unfinished items has reached zero since it was
 *   called;
 * - the unfinished count is exactly puts - taskDones - dropped;
 * - after `run` returns, no task is pending, no waiter is left parked, no task failed with an
 *   unexpected error, nothing reached the loop's exception handler and no promise rejection went
 *   unhandled.
 */
import {
  type Coroutine,
  type EventLoop,
  type ExceptionContext,
  getRunningLoop,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  type TaskLike,
} from "@corio/interfaces";
import { createTask, currentTask, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LifoQueue, PriorityQueue, Queue } from "../src/index.js";

type OpKind = "wait" | "nowait" | "timeout";
type CancelVia = "timer" | "task" | "afterPut" | "afterGet";

interface PutStep {
  delay: number;
  kind: OpKind;
  timeout: number;
}

interface GetStep extends PutStep {
  work: number;
}

interface Spec {
  kind: "fifo" | "lifo" | "priority";
  maxsize: number;
  producers: PutStep[][];
  consumers: GetStep[][];
  joiners: number[];
  shutdown: { at: number; immediate: boolean } | null;
  /**
   * `timer`/`task`: cancel at time `at` from a timer or a task. `afterPut`/`afterGet`: cancel
   * right after the `at`-th successful put or get, in the same step: the waiter that put or get
   * just woke has not run yet, which is the race the queue must survive.
   */
  cancels: { at: number; actor: number; via: CancelVia }[];
}

const opKind = fc.constantFrom<OpKind>("wait", "wait", "nowait", "timeout");
const putStep = fc.record({
  delay: fc.integer({ min: 0, max: 6 }),
  kind: opKind,
  timeout: fc.integer({ min: 0, max: 10 }),
});
const getStep = fc.record({
  delay: fc.integer({ min: 0, max: 6 }),
  kind: opKind,
  timeout: fc.integer({ min: 0, max: 10 }),
  work: fc.integer({ min: 0, max: 6 }),
});
const spec: fc.Arbitrary<Spec> = fc.record({
  kind: fc.constantFrom<Spec["kind"]>("fifo", "fifo", "lifo", "priority"),
  maxsize: fc.integer({ min: -1, max: 4 }),
  producers: fc.array(fc.array(putStep, { minLength: 1, maxLength: 8 }), {
    minLength: 1,
    maxLength: 4,
  }),
  consumers: fc.array(fc.array(getStep, { minLength: 1, maxLength: 10 }), { maxLength: 4 }),
  joiners: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 2 }),
  shutdown: fc.option(fc.record({ at: fc.integer({ min: 0, max: 40 }), immediate: fc.boolean() }), {
    nil: null,
  }),
  cancels: fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: 20 }),
      actor: fc.nat(),
      via: fc.constantFrom<CancelVia>("timer", "task", "afterPut", "afterGet"),
    }),
    { maxLength: 6 },
  ),
});

/** Everything a run observed. */
interface Trace {
  queue: Queue<number>;
  put: number[];
  got: number[];
  dropped: number[];
  taskDones: number;
  /** How many times the unfinished count was seen reaching zero. */
  zeroEpoch: number;
  joins: { before: number; after: number; unfinishedAtCall: number }[];
  tasks: TaskLike<unknown>[];
  handled: ExceptionContext[];
  /** States seen while idle where a waiter was parked for no reason. */
  stranded: string[];
}

function makeQueue(kind: Spec["kind"], maxsize: number): Queue<number> {
  if (kind === "lifo") return new LifoQueue<number>(maxsize);
  if (kind === "priority") return new PriorityQueue<number>(maxsize);
  return new Queue<number>(maxsize);
}

/** True when the current task itself was cancelled (not just a child it awaited). */
function selfCancelled(): boolean {
  return (currentTask()?.cancelling() ?? 0) > 0;
}

async function execute(s: Spec): Promise<Trace> {
  const trace: Trace = {
    queue: makeQueue(s.kind, s.maxsize),
    put: [],
    got: [],
    dropped: [],
    taskDones: 0,
    zeroEpoch: 0,
    joins: [],
    tasks: [],
    handled: [],
    stranded: [],
  };
  const q = trace.queue;
  const actors: TaskLike<unknown>[] = [];
  const cancelActor = (n: number) => void actors[n % actors.length]!.cancel();
  const recordPut = (item: number) => {
    trace.put.push(item);
    for (const c of s.cancels) {
      if (c.via === "afterPut" && c.at === trace.put.length) cancelActor(c.actor);
    }
  };
  const recordGot = (item: number) => {
    trace.got.push(item);
    for (const c of s.cancels) {
      if (c.via === "afterGet" && c.at === trace.got.length) cancelActor(c.actor);
    }
  };
  const spawn = <T>(coro: Coroutine<T>): TaskLike<T> => {
    const t = createTask(coro);
    trace.tasks.push(t as unknown as TaskLike<unknown>);
    return t;
  };
  const markDone = () => {
    q.taskDone();
    trace.taskDones++;
    if (q.statistics().unfinishedTasks === 0) trace.zeroEpoch++;
  };
  /** Runs `child` as a task cancelled after `ms`: a timeout that is not an error. */
  function* withTimeout(ms: number, child: Coroutine<void>) {
    const loop = getRunningLoop();
    const t = spawn(child);
    const timer = loop.callLater(ms, () => t.cancel());
    try {
      yield* t;
    } catch (e) {
      if (!t.cancelled() || selfCancelled()) throw e;
    } finally {
      timer.cancel();
    }
  }

  function* putOne(item: number) {
    try {
      yield* q.put(item);
      recordPut(item);
    } catch (e) {
      if (!(e instanceof QueueShutDown)) throw e;
    }
  }
  function* producer(p: number, steps: PutStep[]) {
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      const item = p * 1000 + i;
      yield* sleep(step.delay);
      if (step.kind === "nowait") {
        try {
          q.putNowait(item);
          recordPut(item);
        } catch (e) {
          if (e instanceof QueueShutDown) return;
          if (!(e instanceof QueueFull)) throw e;
        }
      } else if (step.kind === "wait") {
        try {
          yield* q.put(item);
          recordPut(item);
        } catch (e) {
          if (e instanceof QueueShutDown) return;
          throw e;
        }
      } else {
        yield* withTimeout(step.timeout, putOne(item));
      }
    }
  }

  function* work(item: number, ms: number) {
    try {
      yield* sleep(ms);
    } finally {
      markDone();
      void item;
    }
  }
  function* getOne(ms: number) {
    let item: number;
    try {
      item = yield* q.get();
    } catch (e) {
      if (e instanceof QueueShutDown) return;
      throw e;
    }
    recordGot(item);
    yield* work(item, ms);
  }
  function* consumer(steps: GetStep[]) {
    for (const step of steps) {
      yield* sleep(step.delay);
      if (step.kind === "nowait") {
        let item: number;
        try {
          item = q.getNowait();
        } catch (e) {
          if (e instanceof QueueShutDown) return;
          if (e instanceof QueueEmpty) continue;
          throw e;
        }
        recordGot(item);
        yield* work(item, step.work);
      } else if (step.kind === "wait") {
        let item: number;
        try {
          item = yield* q.get();
        } catch (e) {
          if (e instanceof QueueShutDown) return;
          throw e;
        }
        recordGot(item);
        yield* work(item, step.work);
      } else {
        yield* withTimeout(step.timeout, getOne(step.work));
      }
    }
  }

  function* joiner(delay: number) {
    yield* sleep(delay);
    const record = {
      before: trace.zeroEpoch,
      after: -1,
      unfinishedAtCall: q.statistics().unfinishedTasks,
    };
    trace.joins.push(record);
    yield* q.join();
    record.after = trace.zeroEpoch;
  }

  await runVirtual(
    function* () {
      const loop = getRunningLoop();
      for (const [p, steps] of s.producers.entries()) actors.push(spawn(producer(p, steps)));
      for (const steps of s.consumers) actors.push(spawn(consumer(steps)));
      for (const delay of s.joiners) actors.push(spawn(joiner(delay)));
      for (const c of s.cancels) {
        const cancel = () => cancelActor(c.actor);
        // A timer fires one loop iteration before the tasks it wakes run; a task cancels in step
        // with the others. Both orders matter: that is where a woken waiter gets cancelled.
        if (c.via === "timer") loop.callLater(c.at, cancel);
        else if (c.via === "task") {
          spawn(
            (function* () {
              yield* sleep(c.at);
              cancel();
            })(),
          );
        }
      }
      const shutdown = s.shutdown;
      if (shutdown !== null) {
        loop.callLater(shutdown.at, () => {
          if (shutdown.immediate) {
            const inQueue = multisetMinus(trace.put, trace.got);
            expect(inQueue.length).toBe(q.qsize());
            trace.dropped.push(...inQueue);
          }
          q.shutdown(shutdown.immediate);
          if (shutdown.immediate && q.statistics().unfinishedTasks === 0) trace.zeroEpoch++;
        });
      }
      yield* sleep(5000);
    },
    {
      setup(loop: EventLoop) {
        loop.setExceptionHandler((_loop, context) => void trace.handled.push(context));
        const look = () => {
          const st = q.statistics();
          const getterStranded = st.waitingGetters > 0 && (st.size > 0 || st.isShutdown);
          const putterStranded = st.waitingPutters > 0 && (!q.full() || st.isShutdown);
          if (getterStranded || putterStranded) trace.stranded.push(`${loop.time()}: ${q}`);
          if (loop.time() < 1000) loop.callLater(1, look);
        };
        loop.callLater(0.5, look);
      },
    },
  );
  return trace;
}

/** The items of `all` that are not in `minus`; both hold distinct numbers. */
function multisetMinus(all: number[], minus: number[]): number[] {
  const gone = new Set(minus);
  return all.filter((x) => !gone.has(x));
}

function check(s: Spec, trace: Trace): void {
  const q = trace.queue;
  // Left in the queue: drain it without waiting (the loop is closed by now).
  const remaining: number[] = [];
  while (!q.empty()) remaining.push(q.getNowait());

  // Nothing is duplicated, nothing appears from nowhere, nothing is lost.
  expect(new Set(trace.put).size).toBe(trace.put.length);
  expect(new Set(trace.got).size).toBe(trace.got.length);
  const putSet = new Set(trace.put);
  for (const item of trace.got) expect(putSet.has(item)).toBe(true);
  const accounted = [...trace.got, ...remaining, ...trace.dropped].sort((a, b) => a - b);
  expect(accounted).toEqual([...trace.put].sort((a, b) => a - b));

  // FIFO per producer.
  if (s.kind === "fifo") {
    const last = new Map<number, number>();
    for (const item of [...trace.got, ...remaining]) {
      const p = Math.floor(item / 1000);
      expect(item).toBeGreaterThan(last.get(p) ?? -1);
      last.set(p, item);
    }
  }
  // A priority queue drains in order once nothing else is going on.
  if (s.kind === "priority") {
    expect(remaining).toEqual([...remaining].sort((a, b) => a - b));
  }

  // join() returns only once every item was marked done.
  for (const j of trace.joins) {
    if (j.after === -1) continue; // still waiting when the run ended
    if (j.unfinishedAtCall > 0) expect(j.after).toBeGreaterThan(j.before);
  }
  // The unfinished count is exact.
  expect(q.statistics().unfinishedTasks).toBe(
    trace.put.length - trace.taskDones - trace.dropped.length,
  );

  // Nothing left behind.
  for (const t of trace.tasks) {
    expect(t.done()).toBe(true);
    if (!t.cancelled()) expect(t.exception()).toBeNull();
  }
  const stats = q.statistics();
  expect([stats.waitingGetters, stats.waitingPutters]).toEqual([0, 0]);
  expect(trace.handled).toEqual([]);
  expect(trace.stranded).toEqual([]);
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeAll(() => {
  process.on("unhandledRejection", onUnhandled);
});
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
});

describe("queue reliability under random producers, consumers, timeouts and shutdowns", () => {
  it("keeps every invariant over 200 random runs", async () => {
    await fc.assert(
      fc.asyncProperty(spec, async (s) => {
        check(s, await execute(s));
      }),
      { numRuns: 200 },
    );
    // Let any stray rejection surface before looking.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(unhandled).toEqual([]);
  });

  it("keeps every invariant with many small, crowded runs (bounded FIFO, no shutdown)", async () => {
    const crowded = spec.map((s) => ({ ...s, kind: "fifo" as const, maxsize: 1, shutdown: null }));
    await fc.assert(
      fc.asyncProperty(crowded, async (s) => {
        check(s, await execute(s));
      }),
      { numRuns: 100 },
    );
    expect(unhandled).toEqual([]);
  });
});

describe("the harness itself", () => {
  it("catches a getter cancelled after being woken (crafted race)", async () => {
    const s: Spec = {
      kind: "fifo",
      maxsize: 0,
      producers: [[{ delay: 5, kind: "wait", timeout: 0 }]],
      consumers: [
        [{ delay: 0, kind: "wait", timeout: 0, work: 0 }],
        [{ delay: 0, kind: "wait", timeout: 0, work: 0 }],
      ],
      joiners: [],
      shutdown: null,
      cancels: [{ at: 5, actor: 1, via: "task" }],
    };
    const trace = await execute(s);
    check(s, trace);
    expect(trace.got).toEqual([0]);
  });

  it("catches a putter cancelled after being woken (crafted race)", async () => {
    const s: Spec = {
      kind: "fifo",
      maxsize: 1,
      producers: [
        [
          { delay: 0, kind: "wait", timeout: 0 },
          { delay: 0, kind: "wait", timeout: 0 },
        ],
        [{ delay: 1, kind: "wait", timeout: 0 }],
      ],
      consumers: [[{ delay: 5, kind: "nowait", timeout: 0, work: 0 }]],
      joiners: [],
      shutdown: null,
      // Right after the consumer's get woke producer 0 (blocked on its second item), cancel it.
      cancels: [{ at: 1, actor: 0, via: "afterGet" }],
    };
    const trace = await execute(s);
    check(s, trace);
    expect(trace.put).toEqual([0, 1000]);
  });
});
