// The soak (issue 15): one real-clock run() of many fire-and-forget tasks, half of them failing,
// with a bounded queue and timeouts in between, as a long-running service would. It is not a timed
// benchmark: it reports what a service owner watches. Heap after GC at intervals (flat, or it
// leaks), failures the loop's exception handler was told about against failures made (equal, or
// something is held or lost), and tasks/s.
//
// How it runs: main starts `tasks` jobs without ever awaiting them. A job takes a slot in `slots`
// (a Queue of maxsize `concurrency`, so at most that many jobs are alive), puts its number into
// `work` (a bounded Queue drained by 4 consumer tasks), waits under `waitFor` (a timeout that does
// not fire) and, every 16th job, under a `timeout` that does fire; then every odd job throws.
// Every `sampleEvery` jobs main collects garbage (`node --expose-gc`) and records a row.
import {
  createTask,
  type ExceptionContext,
  Queue,
  run,
  sleep,
  TimeoutError,
  timeout,
  waitFor,
} from "corio";

/** What to run; `soak-main.ts` reads these from the command line. */
export interface SoakOptions {
  /** Jobs started in all (default 1,000,000). */
  tasks: number;
  /** A row every this many jobs started (default 100,000). */
  sampleEvery: number;
  /** Jobs alive at once (default 1000). */
  concurrency: number;
}

/** One line of the soak's table. */
export interface SoakRow {
  /** "run" rows are taken while run() goes on; the "closed" row once run() has returned. */
  phase: "run" | "closed";
  started: number;
  finished: number;
  failuresMade: number;
  /** Failures the loop's exception handler has been called with so far. */
  failuresReported: number;
  /** Heap in use after a full GC (MB), or null when run without --expose-gc. */
  heapMB: number | null;
  /** Jobs finished per second since the previous row. */
  tasksPerSec: number;
  seconds: number;
}

export interface SoakResult {
  rows: SoakRow[];
  /** Other things the exception handler was told about (not a job's failure). */
  otherReports: string[];
  /** The heap after GC grew by this many MB from the first row to the last "run" row. */
  heapGrowthMB: number | null;
}

class JobFailed extends Error {
  override name = "JobFailed";
}

function heapAfterGc(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return null;
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** Runs the soak and returns its rows; prints nothing. */
export async function runSoak(options: Partial<SoakOptions> = {}): Promise<SoakResult> {
  const o: SoakOptions = { tasks: 1_000_000, sampleEvery: 100_000, concurrency: 1000, ...options };
  const rows: SoakRow[] = [];
  const otherReports: string[] = [];
  let started = 0;
  let finished = 0;
  let failuresMade = 0;
  let failuresReported = 0;
  const t0 = performance.now();
  let lastT = t0;
  let lastFinished = 0;

  const row = (phase: SoakRow["phase"]): void => {
    const now = performance.now();
    const heapMB = heapAfterGc();
    rows.push({
      phase,
      started,
      finished,
      failuresMade,
      failuresReported,
      heapMB,
      tasksPerSec: Math.round(((finished - lastFinished) * 1000) / Math.max(1, now - lastT)),
      seconds: (now - t0) / 1000,
    });
    lastT = performance.now(); // the GC above is not the jobs' time
    lastFinished = finished;
  };

  const onReport = (context: ExceptionContext): void => {
    if (context.exception instanceof JobFailed) failuresReported++;
    else otherReports.push(`${context.message}: ${String(context.exception)}`);
  };

  await run(
    function* () {
      const slots = new Queue<null>(o.concurrency);
      const work = new Queue<number>(64);
      for (let c = 0; c < 4; c++) {
        createTask(
          (function* () {
            for (;;) {
              yield* work.get();
              work.taskDone();
            }
          })(),
        );
      }
      function* job(i: number) {
        try {
          yield* work.put(i);
          yield* waitFor(sleep(0), 10_000); // a timeout armed and cancelled
          if (i % 16 === 0) {
            try {
              yield* timeout(1, function* () {
                yield* sleep(1000); // a timeout that fires
              });
            } catch (e) {
              if (!(e instanceof TimeoutError)) throw e;
            }
          }
          if (i % 2 === 1) {
            failuresMade++;
            throw new JobFailed(`job ${i} failed`);
          }
        } finally {
          finished++;
          slots.getNowait();
        }
      }
      for (let i = 0; i < o.tasks; i++) {
        yield* slots.put(null);
        createTask(job(i)); // fire and forget: nobody awaits it
        started++;
        if (started % o.sampleEvery === 0) row("run");
      }
      // Let the last jobs finish, then take the last row while run() still goes on.
      while (finished < started) yield* sleep(1);
      yield* sleep(0);
      if (started % o.sampleEvery !== 0 || rows.length === 0) row("run");
    },
    {
      clock: "real",
      setup(loop) {
        loop.setExceptionHandler((_loop, context) => onReport(context));
      },
    },
  );
  row("closed");
  const running = rows.filter((r) => r.phase === "run");
  const first = running[0]?.heapMB ?? null;
  const last = running[running.length - 1]?.heapMB ?? null;
  return {
    rows,
    otherReports,
    heapGrowthMB: first !== null && last !== null ? last - first : null,
  };
}

/** The rows as a Markdown table. */
export function soakTable(rows: readonly SoakRow[]): string {
  const head =
    "| phase | started | finished | failures made | failures reported | heap after GC (MB) | tasks/s | s |";
  const rule = "|---|--:|--:|--:|--:|--:|--:|--:|";
  const lines = rows.map(
    (r) =>
      `| ${r.phase} | ${r.started} | ${r.finished} | ${r.failuresMade} | ${r.failuresReported} | ${r.heapMB === null ? "n/a" : r.heapMB.toFixed(1)} | ${r.phase === "closed" ? "" : r.tasksPerSec} | ${r.seconds.toFixed(1)} |`,
  );
  return [head, rule, ...lines].join("\n");
}
