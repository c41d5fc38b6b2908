/**
 * Property-based fuzz (fast-check) of the sync primitives: actors take turns on one Lock, one
 * Semaphore, one BoundedSemaphore, one Event, one Condition (a token counter) and one Barrier,
 * each step possibly under a timeout, while timers cancel actors at random moments; at 100 ms
 * every actor still alive is cancelled (a shutdown). All on the virtual clock, where every event
 * happens on a whole millisecond, so at each half millisecond everything woken has run.
 *
 * Invariants checked for every schedule:
 * - at most one Lock holder, at most `k` Semaphore holders, BoundedSemaphore never over-released,
 *   Condition tokens never negative, an Event wait never returns before the Event was set;
 * - nothing is stranded (checked at every half millisecond): no Lock waiter while the Lock is free,
 *   no Semaphore waiter while a unit is free, no Condition waiter while a token is there, no
 *   Event waiter once it is set;
 * - what escapes an actor is a `CancelledError` or a `BrokenBarrierError`, nothing else;
 * - after the shutdown every primitive is idle (free, all units back, nobody waiting), the loop
 *   has no task or timer left, nothing reached the exception handler, and no promise rejection
 *   went unhandled (process hook).
 *
 * Seeded: `FUZZ_SEED=<n>` replays a run (the seed is printed), `FUZZ_RUNS=<n>` sets the count.
 */
import {
  type Coroutine,
  type ExceptionContext,
  isCancelledError,
  type TaskLike,
} from "@corio/interfaces";
import type { EventLoop } from "@corio/loop";
import { allTasks, createTask, currentTask, run, sleep } from "@corio/task";
import { fuzzSettings, unhandledRejectionsDuring } from "@corio/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  Barrier,
  BoundedSemaphore,
  BrokenBarrierError,
  Condition,
  Event,
  Lock,
  Semaphore,
} from "../src/index.js";

const { seed: SEED, runs: RUNS } = fuzzSettings("sync", 500);
const SHUTDOWN_AT = 100;

type Prim = "lock" | "sem" | "bsem" | "event" | "consume" | "produce" | "barrier";
interface Step {
  prim: Prim;
  delay: number;
  hold: number;
  /** 0: no timeout. */
  timeout: number;
}
interface Spec {
  k: number;
  parties: number;
  eventAt: number;
  actors: Step[][];
  /**
   * `timer`: cancel from a timer callback, which runs before the tasks woken at the same moment.
   * `task`: from a task step `turns` loop iterations after `at`, which can land between a waiter's
   * wake-up and its resumption: the window where a wake-up gets lost.
   */
  cancels: { at: number; actor: number; via: "timer" | "task"; turns: number }[];
}

const step: fc.Arbitrary<Step> = fc.record({
  prim: fc.constantFrom<Prim>("lock", "sem", "bsem", "event", "consume", "produce", "barrier"),
  delay: fc.integer({ min: 0, max: 5 }),
  hold: fc.integer({ min: 0, max: 5 }),
  timeout: fc.integer({ min: 0, max: 6 }),
});
const spec: fc.Arbitrary<Spec> = fc.record({
  k: fc.integer({ min: 1, max: 3 }),
  parties: fc.integer({ min: 1, max: 3 }),
  eventAt: fc.integer({ min: 0, max: 40 }),
  actors: fc.array(fc.array(step, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
  cancels: fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: 20 }),
      actor: fc.integer({ min: 0, max: 5 }),
      via: fc.constantFrom<"timer" | "task">("timer", "task", "task"),
      turns: fc.integer({ min: 0, max: 2 }),
    }),
    { maxLength: 6 },
  ),
});

interface Outcome {
  violations: string[];
  handled: ExceptionContext[];
  afterRun: ReturnType<EventLoop["statistics"]> | null;
}

async function execute(s: Spec): Promise<Outcome> {
  const out: Outcome = { violations: [], handled: [], afterRun: null };
  const bad = (what: string) => void out.violations.push(`${loop.time()}: ${what}`);
  let loop!: EventLoop;
  const lock = new Lock();
  const sem = new Semaphore(s.k);
  const bsem = new BoundedSemaphore(s.k);
  const event = new Event();
  const cond = new Condition();
  const barrier = new Barrier(s.parties);
  let lockHolders = 0;
  let semHolders = 0;
  let bsemHolders = 0;
  let tokens = 0;

  function* body(st: Step): Coroutine<void> {
    switch (st.prim) {
      case "lock":
        yield* lock.withLock(function* () {
          if (++lockHolders > 1) bad(`${lockHolders} Lock holders`);
          try {
            yield* sleep(st.hold);
          } finally {
            lockHolders--;
          }
        });
        return;
      case "sem":
        yield* sem.withPermit(function* () {
          if (++semHolders > s.k) bad(`${semHolders} Semaphore holders, value ${s.k}`);
          try {
            yield* sleep(st.hold);
          } finally {
            semHolders--;
          }
        });
        return;
      case "bsem":
        yield* bsem.acquire();
        try {
          if (++bsemHolders > s.k) bad(`${bsemHolders} BoundedSemaphore holders`);
          yield* sleep(st.hold);
        } finally {
          bsemHolders--;
          bsem.release(); // throws if over-released, which the actor reports
        }
        return;
      case "event":
        yield* event.wait();
        if (loop.time() < s.eventAt) bad(`Event.wait() returned before set() at ${s.eventAt}`);
        return;
      case "consume":
        yield* cond.withLock(function* () {
          yield* cond.waitFor(() => tokens > 0);
          if (--tokens < 0) bad("Condition tokens below 0");
        });
        return;
      case "produce":
        yield* cond.withLock(function* () {
          tokens++;
          cond.notify();
        });
        return;
      case "barrier":
        {
          const index = yield* barrier.wait();
          if (!(index >= 0 && index < s.parties)) bad(`Barrier.wait() returned ${index}`);
        }
        return;
    }
  }

  /** Runs a step in a child task that a timer cancels after `ms` (0: no timeout). */
  function* withTimeout(st: Step): Coroutine<void> {
    if (st.timeout === 0) {
      yield* body(st);
      return;
    }
    const child = createTask(body(st));
    const timer = loop.callLater(st.timeout, () => void child.cancel());
    try {
      yield* child;
    } catch (e) {
      // The step's own timeout is swallowed; a cancellation of the actor goes on.
      if (!(isCancelledError(e) && child.cancelled() && currentTask()!.cancelling() === 0)) throw e;
    } finally {
      timer.cancel();
    }
  }

  function* actor(steps: Step[]): Coroutine<void> {
    for (const st of steps) {
      yield* sleep(st.delay);
      try {
        yield* withTimeout(st);
      } catch (e) {
        if (e instanceof BrokenBarrierError) continue;
        throw e;
      }
    }
  }

  const look = (): void => {
    const l = lock.statistics();
    if (!l.locked && l.waiting > 0) bad(`Lock free with ${l.waiting} waiting`);
    const sm = sem.statistics();
    if (sm.value > 0 && sm.waiting > 0)
      bad(`Semaphore value ${sm.value} with ${sm.waiting} waiting`);
    const bs = bsem.statistics();
    if (bs.value > 0 && bs.waiting > 0) bad(`BoundedSemaphore value ${bs.value} with waiters`);
    const c = cond.statistics();
    if (tokens > 0 && c.waiting > 0 && !c.locked) bad(`${tokens} tokens with ${c.waiting} waiting`);
    const ev = event.statistics();
    if (ev.isSet && ev.waiting > 0) bad(`Event set with ${ev.waiting} waiting`);
    lookTimer = loop.callLater(1, look);
  };
  let lookTimer: { cancel(): void } | null = null;

  await run(
    function* () {
      const actors: TaskLike<void>[] = s.actors.map((steps) => createTask(actor(steps)));
      for (const c of s.cancels) {
        const target = actors[c.actor % actors.length]!;
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
      loop.callLater(s.eventAt, () => event.set());
      loop.callLater(0.5, look);
      yield* sleep(SHUTDOWN_AT);
      lookTimer?.cancel();
      for (const a of actors) a.cancel();
      for (const a of actors) {
        try {
          yield* a;
        } catch (e) {
          if (!isCancelledError(e)) bad(`actor failed with ${String(e)}`);
        }
      }
      for (let i = 0; i < 100 && allTasks().size > 1; i++) yield* sleep(1);
      const st = {
        lock: lock.statistics(),
        sem: sem.statistics(),
        bsem: bsem.statistics(),
        cond: cond.statistics(),
        event: event.statistics().waiting,
        barrier: barrier.statistics().waiting,
        timers: loop.statistics().timers,
        tasks: allTasks().size,
      };
      expect(st).toEqual({
        lock: { locked: false, waiting: 0 },
        sem: { value: s.k, locked: false, waiting: 0, bound: null },
        bsem: { value: s.k, locked: false, waiting: 0, bound: s.k },
        cond: { locked: false, waiting: 0 },
        event: 0,
        barrier: 0,
        timers: 0,
        tasks: 1,
      });
    },
    {
      clock: "virtual",
      setup(l) {
        loop = l;
        l.setExceptionHandler((_l, ctx) => void out.handled.push(ctx));
      },
    },
  );
  out.afterRun = loop.statistics();
  return out;
}

function check(o: Outcome): void {
  expect(o.violations).toEqual([]);
  expect(o.handled.map((c) => `${c.message}: ${String(c.exception)}`)).toEqual([]);
  expect(o.afterRun).toMatchObject({ tasks: 0, timers: 0, external: 0, hostTimerArmed: false });
}

describe("sync primitives fuzz: Lock, Semaphore, Event, Condition, Barrier under timeouts and cancels", () => {
  it(`keeps every invariant over ${RUNS} random schedules`, async () => {
    const unhandled = await unhandledRejectionsDuring(() =>
      fc.assert(
        fc.asyncProperty(spec, async (s) => check(await execute(s))),
        { seed: SEED, numRuns: RUNS },
      ),
    );
    expect(unhandled).toEqual([]);
    // Hundreds of schedules: a second or two alone, far more on a loaded CI machine.
  }, 120_000);

  it("the harness sees a Lock waiter woken and cancelled in the same moment", async () => {
    const s: Spec = {
      k: 1,
      parties: 1,
      eventAt: 0,
      actors: [
        [{ prim: "lock", delay: 0, hold: 5, timeout: 0 }],
        [{ prim: "lock", delay: 1, hold: 1, timeout: 0 }],
        [{ prim: "lock", delay: 2, hold: 1, timeout: 0 }],
      ],
      cancels: [{ at: 5, actor: 1, via: "task", turns: 1 }],
    };
    check(await execute(s));
  });
});
