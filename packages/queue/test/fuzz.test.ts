/**
 * Property-based fuzz (fast-check) of the queues as they are used together with @corio/cancel:
 * producers, consumers and joiners run as children of one `taskGroup`, each put, get and join
 * either plain, non-waiting, under `waitFor` or under `timeout`; timers cancel random children, and
 * the queue is shut down (gracefully or at once) at a random moment, at the latest at 60 ms so
 * that every consumer ends. All on the virtual clock: events fall on whole milliseconds, so at each
 * half millisecond everything woken has run. (`properties.test.ts` drives the queue with bare
 * tasks and timers; this file drives it through the cancellation scopes users write.)
 *
 * Invariants checked for every schedule:
 * - every accepted item (its put returned) is received exactly once, or is still in the queue at
 *   the end, or was dropped by `shutdown(true)`; nothing is received that was not accepted;
 * - a FIFO queue hands each producer's items out in order;
 * - the unfinished count is exactly accepted - taskDone() calls - dropped;
 * - a plain `join()` returns only after the unfinished count reached 0 since it was called;
 * - `join()` returns: when nothing was cancelled and every item is done, no joiner still waits
 *   (checked 10 ms after the last shutdown, when the joiners still waiting are cancelled);
 * - nobody is stranded at any half millisecond (a getter parked while items wait, a putter parked
 *   while there is room);
 * - the task group ends without an error; afterwards no task or timer is left, nothing reached the
 *   exception handler and no promise rejection went unhandled (process hook).
 *
 * Seeded: `FUZZ_SEED=<n>` replays a run (the seed is printed), `FUZZ_RUNS=<n>` sets the count.
 */
import { taskGroup, timeout, waitFor } from "@corio/cancel";
import {
  type Coroutine,
  type ExceptionContext,
  type Operation,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  type TaskLike,
  TimeoutError,
} from "@corio/interfaces";
import type { EventLoop } from "@corio/loop";
import { allTasks, createTask, run, sleep } from "@corio/task";
import { fuzzSettings, unhandledRejectionsDuring } from "@corio/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LifoQueue, PriorityQueue, Queue } from "../src/index.js";

const { seed: SEED, runs: RUNS } = fuzzSettings("queue", 300);
const LAST_SHUTDOWN = 60;

type Via = "plain" | "nowait" | "waitFor" | "timeout";
interface Op {
  delay: number;
  via: Via;
  ms: number;
}
interface Spec {
  kind: "fifo" | "lifo" | "priority";
  maxsize: number;
  producers: Op[][];
  consumers: (Op & { work: number })[][];
  joiners: Op[];
  shutdown: { at: number; immediate: boolean };
  /**
   * `timer`: cancel from a timer callback, which runs before the tasks woken at the same moment.
   * `task`: from a task step `turns` loop iterations after `at`, which can land between a waiter's
   * wake-up and its resumption: the window where an item or a wake-up gets lost.
   */
  cancels: { at: number; child: number; via: "timer" | "task"; turns: number }[];
}

const via = fc.constantFrom<Via>("plain", "nowait", "waitFor", "timeout");
const op = fc.record(opFields());
const spec: fc.Arbitrary<Spec> = fc.record({
  kind: fc.constantFrom("fifo", "fifo", "lifo", "priority"),
  maxsize: fc.integer({ min: 0, max: 3 }),
  producers: fc.array(fc.array(op, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
  consumers: fc.array(
    fc.array(fc.record({ ...opFields(), work: fc.integer({ min: 0, max: 4 }) }), {
      minLength: 1,
      maxLength: 8,
    }),
    { minLength: 1, maxLength: 3 },
  ),
  joiners: fc.array(op, { maxLength: 2 }),
  shutdown: fc.record({
    at: fc.integer({ min: 0, max: LAST_SHUTDOWN }),
    immediate: fc.boolean(),
  }),
  cancels: fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: 20 }),
      child: fc.integer({ min: 0, max: 7 }),
      via: fc.constantFrom<"timer" | "task">("timer", "task", "task"),
      turns: fc.integer({ min: 0, max: 2 }),
    }),
    { maxLength: 5 },
  ),
});

function opFields() {
  return {
    delay: fc.integer({ min: 0, max: 5 }),
    via,
    ms: fc.integer({ min: 0, max: 8 }),
  };
}

interface Trace {
  accepted: number[];
  got: number[];
  dropped: number[];
  taskDones: number;
  joinersLeft: number;
  /** Bumped each time the unfinished count reaches 0. */
  zeroEpoch: number;
  /** Joins that returned although the count never reached 0 after they were called. */
  earlyJoins: string[];
  /** At LAST_SHUTDOWN + 10, before the joiners still waiting are cancelled. */
  atEnd: { joinersLeft: number; unfinished: number } | null;
  stranded: string[];
  remaining: number[];
  unfinished: number;
  handled: ExceptionContext[];
  afterRun: ReturnType<EventLoop["statistics"]> | null;
}

/** Runs `operation` the way the step says; returns true if it completed. */
function* attempt<T>(
  step: Op,
  make: () => Operation<T>,
  nowait: () => T,
  onDone: (value: T) => void,
): Coroutine<boolean> {
  try {
    let value: T;
    if (step.via === "nowait") value = nowait();
    else if (step.via === "plain") value = yield* make();
    else if (step.via === "waitFor") value = yield* waitFor(make(), step.ms);
    else value = (yield* timeout(step.ms, make)) as T;
    onDone(value); // in the same step as the operation returned: the record is exact
    return true;
  } catch (e) {
    if (e instanceof QueueFull || e instanceof QueueEmpty || e instanceof TimeoutError) return true;
    if (e instanceof QueueShutDown) return false;
    throw e;
  }
}

async function execute(s: Spec): Promise<Trace> {
  const tr: Trace = {
    accepted: [],
    got: [],
    dropped: [],
    taskDones: 0,
    joinersLeft: 0,
    zeroEpoch: 0,
    earlyJoins: [],
    atEnd: null,
    stranded: [],
    remaining: [],
    unfinished: 0,
    handled: [],
    afterRun: null,
  };
  const q =
    s.kind === "fifo"
      ? new Queue<number>(s.maxsize)
      : s.kind === "lifo"
        ? new LifoQueue<number>(s.maxsize)
        : new PriorityQueue<number>(s.maxsize);
  let loop!: EventLoop;

  function* producer(p: number, steps: Op[]): Coroutine<void> {
    for (const [i, step] of steps.entries()) {
      yield* sleep(step.delay);
      const item = p * 1000 + i;
      const go = yield* attempt(
        step,
        () => q.put(item),
        () => q.putNowait(item),
        () => void tr.accepted.push(item),
      );
      if (!go) return;
    }
  }

  function* consumer(steps: (Op & { work: number })[]): Coroutine<void> {
    for (const step of steps) {
      yield* sleep(step.delay);
      let item: number | null = null;
      const go = yield* attempt(
        step,
        () => q.get(),
        () => q.getNowait(),
        (x) => {
          item = x;
          tr.got.push(x);
        },
      );
      if (item !== null) {
        try {
          yield* sleep(step.work);
        } finally {
          done();
        }
      }
      if (!go) return;
    }
    // Then drain until the queue is shut down, so that the run ends.
    for (;;) {
      let item: number;
      try {
        item = yield* q.get();
      } catch (e) {
        if (e instanceof QueueShutDown) return;
        throw e;
      }
      tr.got.push(item);
      done();
    }
  }

  function done(): void {
    q.taskDone();
    tr.taskDones++;
    if (q.statistics().unfinishedTasks === 0) tr.zeroEpoch++;
  }

  function* joiner(step: Op): Coroutine<void> {
    yield* sleep(step.delay);
    tr.joinersLeft++;
    const epoch = tr.zeroEpoch;
    const unfinished = q.statistics().unfinishedTasks;
    if (step.via === "waitFor" || step.via === "timeout") {
      try {
        yield* waitFor(q.join(), step.ms);
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
      }
    } else {
      yield* q.join();
      if (unfinished > 0 && tr.zeroEpoch === epoch) {
        tr.earlyJoins.push(`${loop.time()}: join() returned, ${unfinished} unfinished when called`);
      }
    }
    tr.joinersLeft--;
  }

  const look = (): void => {
    const st = q.statistics();
    const getterStranded = st.waitingGetters > 0 && (st.size > 0 || st.isShutdown);
    const putterStranded = st.waitingPutters > 0 && (!q.full() || st.isShutdown);
    if (getterStranded || putterStranded) tr.stranded.push(`${loop.time()}: ${q}`);
    if (loop.time() < LAST_SHUTDOWN + 20) loop.callLater(1, look);
  };

  const shutdown = (immediate: boolean): void => {
    if (q.statistics().isShutdown) return;
    if (immediate) {
      const gone = new Set(tr.got);
      const inQueue = tr.accepted.filter((x) => !gone.has(x));
      if (inQueue.length !== q.qsize()) tr.stranded.push(`size ${q.qsize()} != ${inQueue}`);
      tr.dropped.push(...inQueue);
    }
    q.shutdown(immediate);
    if (immediate && q.statistics().unfinishedTasks === 0) tr.zeroEpoch++;
  };

  await run(
    function* () {
      loop.callLater(0.5, look);
      loop.callLater(s.shutdown.at, () => shutdown(s.shutdown.immediate));
      loop.callLater(LAST_SHUTDOWN, () => shutdown(false));
      yield* taskGroup(function* (tg) {
        const children: TaskLike<void>[] = [];
        for (const [p, steps] of s.producers.entries())
          children.push(tg.createTask(producer(p, steps)));
        for (const steps of s.consumers) children.push(tg.createTask(consumer(steps)));
        const joiners = s.joiners.map((step) => tg.createTask(joiner(step)));
        children.push(...joiners);
        // A joiner waits for as long as items stay unfinished: release it so that the run ends.
        loop.callLater(LAST_SHUTDOWN + 10, () => {
          tr.atEnd = { joinersLeft: tr.joinersLeft, unfinished: q.statistics().unfinishedTasks };
          for (const j of joiners) j.cancel();
        });
        for (const c of s.cancels) {
          const target = children[c.child % children.length]!;
          if (c.via === "timer") loop.callLater(c.at, () => void target.cancel());
          else {
            createTask(
              (function* () {
                yield* sleep(c.at);
                for (let i = 0; i < c.turns; i++) yield* sleep(0);
                target.cancel();
              })(),
            );
          }
        }
      });
      yield* sleep(LAST_SHUTDOWN + 25); // past the last look
      for (let i = 0; i < 100 && allTasks().size > 1; i++) yield* sleep(1);
      if (allTasks().size !== 1) tr.stranded.push(`${allTasks().size - 1} tasks left`);
      if (loop.statistics().timers !== 0)
        tr.stranded.push(`${loop.statistics().timers} timers left`);
    },
    {
      clock: "virtual",
      setup(l) {
        loop = l;
        l.setExceptionHandler((_l, ctx) => void tr.handled.push(ctx));
      },
    },
  );
  while (!q.empty()) tr.remaining.push(q.getNowait());
  tr.unfinished = q.statistics().unfinishedTasks;
  tr.afterRun = loop.statistics();
  return tr;
}

function check(s: Spec, tr: Trace): void {
  expect(new Set(tr.accepted).size).toBe(tr.accepted.length);
  expect(new Set(tr.got).size).toBe(tr.got.length);
  const accepted = new Set(tr.accepted);
  expect(tr.got.filter((x) => !accepted.has(x))).toEqual([]);
  const byNumber = (a: number, b: number) => a - b;
  expect([...tr.got, ...tr.remaining, ...tr.dropped].sort(byNumber)).toEqual(
    [...tr.accepted].sort(byNumber),
  );
  if (s.kind === "fifo") {
    const last = new Map<number, number>();
    for (const item of tr.got) {
      const p = Math.floor(item / 1000);
      expect(item).toBeGreaterThan(last.get(p) ?? -1);
      last.set(p, item);
    }
  }
  expect(tr.unfinished).toBe(tr.accepted.length - tr.taskDones - tr.dropped.length);
  // join() returns: with nobody cancelled by a timer, once every item is done no joiner waits.
  if (s.cancels.length === 0 && tr.atEnd!.unfinished === 0) expect(tr.atEnd!.joinersLeft).toBe(0);
  expect(tr.earlyJoins).toEqual([]);
  expect(tr.stranded).toEqual([]);
  expect(tr.handled.map((c) => `${c.message}: ${String(c.exception)}`)).toEqual([]);
  expect(tr.afterRun).toMatchObject({ tasks: 0, timers: 0, external: 0, hostTimerArmed: false });
}

describe("queue fuzz: producers, consumers and joiners in a task group, under waitFor, timeout, cancels and shutdown", () => {
  it(`loses, duplicates and strands nothing over ${RUNS} random schedules`, async () => {
    const unhandled = await unhandledRejectionsDuring(() =>
      fc.assert(
        fc.asyncProperty(spec, async (s) => check(s, await execute(s))),
        { seed: SEED, numRuns: RUNS },
      ),
    );
    expect(unhandled).toEqual([]);
    // Hundreds of schedules: a second or two alone, far more on a loaded CI machine.
  }, 120_000);
});
