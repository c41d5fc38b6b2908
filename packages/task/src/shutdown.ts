/**
 * How `run()` ends: the shutdown that cancels what is still alive, and the watch that turns a host
 * about to exit under a pending `run()` into a `DeadlockError` instead of a silent exit.
 *
 * Shutdown goes in rounds. A round cancels every task still alive and runs the loop until they are
 * all done, or until the tasks have taken `STEPS_PER_ROUND` steps without all finishing: a task
 * that catches its `CancelledError` and carries on gets cancelled again in the next round. After
 * `MAX_ROUNDS` rounds, `run()` gives up and rejects with a `RuntimeError` listing the tasks that
 * refused to stop. asyncio cancels once and then waits forever; under a virtual clock that wait
 * spins a core, since time jumps from sleep to sleep without end. The step budget is generous
 * enough for any cleanup that awaits in a `finally` block (a real-clock cleanup that sleeps is
 * never cut short: only steps count, not time).
 */
import * as I from "@corio/interfaces";
import type { EventLoop } from "@corio/loop";

const { DeadlockError, RuntimeError } = I;

/** How many times shutdown cancels a task that keeps swallowing its cancellation. */
export const MAX_SHUTDOWN_ROUNDS = 10;
/** How many task steps one shutdown round allows before cancelling the survivors again. */
export const STEPS_PER_ROUND = 1000;

/**
 * Cancels every task still alive, in rounds, and reports what went wrong through the exception
 * handler (a task that failed during shutdown). Rejects with {@link RuntimeError} when tasks
 * refuse to stop after {@link MAX_SHUTDOWN_ROUNDS} rounds.
 */
export async function cancelAllTasks(loop: EventLoop): Promise<void> {
  const everyTask = new Set<I.TaskLike<unknown>>();
  for (let round = 1; ; round++) {
    const alive = [...loop.allTasks()];
    if (alive.length === 0) break;
    if (round > MAX_SHUTDOWN_ROUNDS) {
      throw new RuntimeError(
        `run(): ${alive.length} task(s) refused to stop after ${MAX_SHUTDOWN_ROUNDS} rounds of cancellation (each caught its CancelledError and kept running)\n${loop.formatTasks()}`,
      );
    }
    for (const t of alive) {
      everyTask.add(t);
      t.cancel();
    }
    if (!(await runRound(loop, alive))) return;
  }
  for (const t of everyTask) {
    if (t.cancelled()) continue;
    const error = t.exception();
    if (error !== null) {
      loop.callExceptionHandler({
        message: "unhandled exception during run() shutdown",
        exception: error,
        task: t,
      });
    }
  }
}

/**
 * Runs the loop until every task of `tasks` is done (true), or the round's step budget is spent
 * (true: the caller looks at who is left). False when the loop itself failed (reported).
 */
async function runRound(loop: EventLoop, tasks: I.TaskLike<unknown>[]): Promise<boolean> {
  const roundOver = loop.createFuture<void>("shutdown");
  const end = () => {
    if (!roundOver.done()) roundOver.setResult(undefined);
  };
  let left = tasks.length;
  const oneDone = () => {
    if (--left === 0) end();
  };
  for (const t of tasks) t.addDoneCallback(oneDone);
  let steps = 0;
  const removeInstrument = loop.addInstrument({
    stepEnded() {
      if (++steps === STEPS_PER_ROUND) end();
    },
  });
  try {
    await loop.runUntilComplete(roundOver);
    return true;
  } catch (error) {
    loop.callExceptionHandler({
      message: "tasks still pending when run() shut down",
      exception: error,
    });
    return false;
  } finally {
    removeInstrument();
    for (const t of tasks) t.removeDoneCallback(oneDone);
  }
}

interface PendingRun {
  loop: EventLoop;
  /** Fails the run with `error`; the run then shuts down as usual. */
  fail(error: unknown): void;
  failed: boolean;
}

const pending = new Set<PendingRun>();
let hostProcess: {
  on(e: string, f: () => void): void;
  off(e: string, f: () => void): void;
} | null = null;

/**
 * Node's `beforeExit`: the host has nothing left to do. A `run()` still pending then can never
 * finish (nothing outside the loop is left to wake it), so it fails with a `DeadlockError` that
 * lists its tasks and the outside waits they are stuck on, rather than letting the process end
 * silently with a pending promise.
 */
function onBeforeExit(): void {
  for (const p of [...pending]) {
    if (p.failed) continue;
    p.failed = true;
    p.fail(
      new DeadlockError(
        `deadlock: the host has nothing left to do, but run() is still waiting: no timer, callback or I/O can wake it (a promise that never settles?)\n${p.loop.formatTasks()}`,
      ),
    );
  }
}

/**
 * Watches a pending run for host exit; returns a function that stops watching. Does nothing where
 * the host has no `process.on("beforeExit")` (browsers).
 */
export function watchHostExit(loop: EventLoop, fail: (error: unknown) => void): () => void {
  const proc = (globalThis as { process?: typeof hostProcess }).process;
  if (proc == null || typeof proc.on !== "function" || typeof proc.off !== "function") {
    return () => {};
  }
  const entry: PendingRun = { loop, fail, failed: false };
  if (pending.size === 0) {
    hostProcess = proc;
    proc.on("beforeExit", onBeforeExit);
  }
  pending.add(entry);
  return () => {
    if (pending.delete(entry) && pending.size === 0 && hostProcess !== null) {
      hostProcess.off("beforeExit", onBeforeExit);
      hostProcess = null;
    }
  };
}
