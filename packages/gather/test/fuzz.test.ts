/**
 * Property-based fuzz (fast-check) of `gather`, `wait` and `asCompleted` against a model: each
 * child sleeps a whole number of milliseconds, then returns, fails, or ends cancelled; a timeout
 * lands on a half millisecond and an outer cancellation on a quarter, so no two events tie. From the schedule
 * alone the model says what each combinator must return or throw, when, and which children are
 * cancelled; the virtual clock runs it.
 *
 * Invariants checked for every schedule, besides the model:
 * - the loop has no task or timer left once everything settles and after `run()`;
 * - nothing reaches the exception handler (every child failure is read by someone) and no promise
 *   rejection goes unhandled (process hook).
 *
 * Seeded: `FUZZ_SEED=<n>` replays a run (the seed is printed), `FUZZ_RUNS=<n>` sets the count.
 */
import {
  CancelledError,
  type Coroutine,
  type ExceptionContext,
  isCancelledError,
  type TaskLike,
  TimeoutError,
} from "@corio/interfaces";
import type { EventLoop } from "@corio/loop";
import { allTasks, createTask, run, sleep } from "@corio/task";
import { fuzzSettings, unhandledRejectionsDuring } from "@corio/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asCompleted, gather, type ReturnWhen, wait } from "../src/index.js";

const { seed: SEED, runs: RUNS } = fuzzSettings("gather", 500);

class Boom extends Error {
  override name = "Boom";
}

type End = "ok" | "fail" | "cancel";
interface Child {
  ms: number;
  end: End;
}
interface Spec {
  children: Child[];
  combinator: "gather" | "settle" | "wait" | "asCompleted";
  returnWhen: ReturnWhen;
  /** A half-millisecond timeout for wait/asCompleted, or null. */
  timeout: number | null;
  /** A moment (n + 0.25 ms) at which the task awaiting the combinator is cancelled, or null. */
  cancelAt: number | null;
}

// Children end on whole milliseconds, timeouts on halves, cancellations on quarters: no ties.
const half = fc.integer({ min: 0, max: 12 }).map((n) => n + 0.5);
const quarter = fc.integer({ min: 0, max: 12 }).map((n) => n + 0.25);
const spec: fc.Arbitrary<Spec> = fc.record({
  children: fc.array(
    fc.record({
      ms: fc.integer({ min: 0, max: 12 }),
      end: fc.constantFrom<End>("ok", "ok", "fail", "cancel"),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  combinator: fc.constantFrom("gather", "settle", "wait", "asCompleted"),
  returnWhen: fc.constantFrom<ReturnWhen>("FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"),
  timeout: fc.option(half),
  cancelAt: fc.option(quarter),
});

function* child(i: number, c: Child): Coroutine<string> {
  yield* sleep(c.ms);
  if (c.end === "fail") throw new Boom(`b${i}`);
  if (c.end === "cancel") throw new CancelledError(`c${i}`);
  return `v${i}`;
}

/** What a child's outcome looks like in a log line. */
function show(x: unknown): string {
  if (x instanceof Boom) return x.message;
  if (isCancelledError(x)) return "cancelled";
  if (x instanceof TimeoutError) return "timeout";
  if (x instanceof Error) return `${x.name}: ${x.message}`;
  return String(x);
}

/** Children in the order they finish: by time, ties in creation order. */
function finishOrder(s: Spec): number[] {
  return s.children.map((_, i) => i).sort((a, b) => s.children[a]!.ms - s.children[b]!.ms || a - b);
}

function endOf(i: number, c: Child): string {
  return c.end === "ok" ? `v${i}` : c.end === "fail" ? `b${i}` : "cancelled";
}

/** The log the model predicts. */
function model(s: Spec): string[] {
  const last = Math.max(...s.children.map((c) => c.ms));
  const cut = s.cancelAt ?? Number.POSITIVE_INFINITY;
  const log: string[] = [];
  switch (s.combinator) {
    case "gather":
    case "settle": {
      const firstBad = finishOrder(s).find((i) => s.children[i]!.end !== "ok");
      let at = last;
      let result: string;
      if (s.combinator === "gather" && firstBad !== undefined) {
        at = s.children[firstBad]!.ms;
        result = `threw ${endOf(firstBad, s.children[firstBad]!)}`;
      } else {
        result = `[${s.children.map((c, i) => endOf(i, c)).join(",")}]`;
      }
      if (cut < at) {
        log.push(`${cut} threw cancelled`);
        // Cancelling the awaiting task cancels every child not done yet.
        s.children.forEach(
          (c, i) => void log.push(`child ${i} ${c.ms < cut ? endOf(i, c) : "cancelled"}`),
        );
        return log;
      }
      log.push(`${at} ${result}`);
      break;
    }
    case "wait": {
      const rw = s.returnWhen;
      let at = last;
      if (rw === "FIRST_COMPLETED") at = Math.min(...s.children.map((c) => c.ms));
      if (rw === "FIRST_EXCEPTION") {
        const fails = s.children.filter((c) => c.end === "fail").map((c) => c.ms);
        if (fails.length > 0) at = Math.min(...fails);
      }
      if (s.timeout !== null) at = Math.min(at, s.timeout);
      if (cut < at) log.push(`${cut} threw cancelled`);
      else {
        const done = s.children.map((c, i) => (c.ms <= at ? i : -1)).filter((i) => i >= 0);
        log.push(`${at} done=[${done.join(",")}]`);
      }
      break;
    }
    case "asCompleted": {
      const deadline = s.timeout ?? Number.POSITIVE_INFINITY;
      for (const i of finishOrder(s)) {
        const c = s.children[i]!;
        const at = Math.min(c.ms, deadline);
        if (cut < at) {
          log.push(`${cut} threw cancelled`);
          break;
        }
        log.push(`${at} ${c.ms <= deadline ? endOf(i, c) : "timeout"}`);
      }
      break;
    }
  }
  // wait() and asCompleted() never cancel the children: each ends as it was going to.
  s.children.forEach((c, i) => void log.push(`child ${i} ${endOf(i, c)}`));
  return log;
}

interface Outcome {
  log: string[];
  left: string[];
  handled: ExceptionContext[];
  afterRun: ReturnType<EventLoop["statistics"]> | null;
}

async function execute(s: Spec): Promise<Outcome> {
  const out: Outcome = { log: [], left: [], handled: [], afterRun: null };
  let loop!: EventLoop;
  await run(
    function* () {
      const tasks: TaskLike<string>[] = s.children.map((c, i) => createTask(child(i, c)));
      function* consumer(): Coroutine<void> {
        const log = out.log;
        try {
          switch (s.combinator) {
            case "gather": {
              const r = yield* gather(...tasks);
              log.push(`${loop.time()} [${r.join(",")}]`);
              break;
            }
            case "settle": {
              const r = yield* gather(...tasks, { returnExceptions: true });
              log.push(`${loop.time()} [${r.map(show).join(",")}]`);
              break;
            }
            case "wait": {
              const { done, pending } = yield* wait(tasks, {
                returnWhen: s.returnWhen,
                timeout: s.timeout,
              });
              if (done.size + pending.size !== tasks.length) log.push("done+pending != all");
              const ids = tasks.map((t, i) => (done.has(t) ? i : -1)).filter((i) => i >= 0);
              log.push(`${loop.time()} done=[${ids.join(",")}]`);
              break;
            }
            case "asCompleted":
              for (const next of asCompleted(tasks, { timeout: s.timeout })) {
                try {
                  const v = yield* next;
                  log.push(`${loop.time()} ${v}`);
                } catch (e) {
                  if (isCancelledError(e) && e.message === "") throw e;
                  log.push(`${loop.time()} ${show(e)}`);
                }
              }
              break;
          }
        } catch (e) {
          log.push(`${loop.time()} threw ${show(e)}`);
          if (isCancelledError(e) && e.message === "") throw e;
        }
      }
      const consumerTask = createTask(consumer());
      if (s.cancelAt !== null) loop.callLater(s.cancelAt, () => void consumerTask.cancel());
      try {
        yield* consumerTask;
      } catch (e) {
        if (!isCancelledError(e)) throw e;
      }
      for (const [i, t] of tasks.entries()) {
        try {
          const v = yield* t;
          out.log.push(`child ${i} ${v}`);
        } catch (e) {
          out.log.push(`child ${i} ${show(e)}`);
        }
      }
      yield* sleep(13); // past every timer the schedule set
      for (let i = 0; i < 100 && allTasks().size > 1; i++) yield* sleep(1);
      if (allTasks().size !== 1) out.left.push(`${allTasks().size - 1} tasks`);
      if (loop.statistics().timers !== 0) out.left.push(`${loop.statistics().timers} timers`);
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

function check(s: Spec, o: Outcome): void {
  expect(o.log).toEqual(model(s));
  expect(o.left).toEqual([]);
  expect(o.handled.map((c) => `${c.message}: ${String(c.exception)}`)).toEqual([]);
  expect(o.afterRun).toMatchObject({ tasks: 0, timers: 0, external: 0, hostTimerArmed: false });
}

describe("gather, wait and asCompleted fuzz against a model", () => {
  it(`match the model over ${RUNS} random schedules`, async () => {
    const unhandled = await unhandledRejectionsDuring(() =>
      fc.assert(
        fc.asyncProperty(spec, async (s) => check(s, await execute(s))),
        { seed: SEED, numRuns: RUNS },
      ),
    );
    expect(unhandled).toEqual([]);
    // Hundreds of schedules: a second or two alone, far more on a loaded CI machine.
  }, 120_000);

  it("the model is exact: a gather whose first failure is a tie goes to the child made first", async () => {
    const s: Spec = {
      children: [
        { ms: 3, end: "ok" },
        { ms: 2, end: "fail" },
        { ms: 2, end: "cancel" },
      ],
      combinator: "gather",
      returnWhen: "ALL_COMPLETED",
      timeout: null,
      cancelAt: null,
    };
    expect(model(s)).toEqual(["2 threw b1", "child 0 v0", "child 1 b1", "child 2 cancelled"]);
    check(s, await execute(s));
  });
});
