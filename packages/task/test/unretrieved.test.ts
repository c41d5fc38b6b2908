import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import {
  type ExceptionContext,
  type FutureLike,
  getRunningLoop,
  isCancelledError,
} from "@corio/interfaces";
import { describe, expect, it } from "vitest";
import { createTask, fromPromise, run, sleep } from "../src/index.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Collects garbage until `done()` holds (finalizers run in a later host turn), `tries` times at most. */
function* collectUntil(done: () => boolean, tries = 50) {
  for (let i = 0; i < tries && !done(); i++) {
    gc();
    yield* fromPromise(new Promise((r) => setTimeout(r, 2)));
  }
}

function* fail(i: number) {
  yield* sleep(0);
  throw new RangeError(`failure ${i}`);
}

describe("a failure nobody retrieves", () => {
  it("reaches the exception handler while the loop keeps running, once the task is unreachable", async () => {
    const reports: ExceptionContext[] = [];
    const log: string[] = [];
    await run(
      function* () {
        createTask(fail(1), { name: "forgotten" });
        yield* sleep(1);
        yield* collectUntil(() => reports.length > 0);
        log.push(`reported while running: ${reports.length}`);
      },
      { setup: (loop) => loop.setExceptionHandler((_l, ctx) => reports.push(ctx)) },
    );
    expect(log).toEqual(["reported while running: 1"]);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.message).toBe("Task exception was never retrieved");
    expect((reports[0]!.exception as Error).message).toBe("failure 1");
    expect(reports[0]!.task_name).toBe("forgotten");
  });

  it("holds nothing: 2,000 forgotten failures are all reported during the run, none at close", async () => {
    const reports: ExceptionContext[] = [];
    let atClose = -1;
    await run(
      function* () {
        for (let i = 0; i < 2000; i++) createTask(fail(i));
        yield* sleep(1);
        yield* collectUntil(() => reports.length === 2000);
        atClose = reports.length;
      },
      { setup: (loop) => loop.setExceptionHandler((_l, ctx) => reports.push(ctx)) },
    );
    expect(atClose).toBe(2000);
    expect(reports).toHaveLength(2000);
  });

  it("is reported at close when the task is still reachable, with its creation stack in debug mode", async () => {
    const reports: ExceptionContext[] = [];
    const kept: unknown[] = [];
    await run(
      function* () {
        kept.push(createTask(fail(7)));
        yield* sleep(1);
      },
      { debug: true, setup: (loop) => loop.setExceptionHandler((_l, ctx) => reports.push(ctx)) },
    );
    expect(reports.map((r) => r.message)).toEqual(["Task exception was never retrieved"]);
    expect(reports[0]!.future).toBe(kept[0]);
    expect(String(reports[0]!.source_traceback)).toMatch(/created here/);
  });

  it("is never reported once something read it", async () => {
    const reports: ExceptionContext[] = [];
    await run(
      function* () {
        const t = createTask(fail(2));
        yield* sleep(1);
        expect((t.exception() as Error).message).toBe("failure 2");
        yield* collectUntil(() => false, 5);
      },
      { setup: (loop) => loop.setExceptionHandler((_l, ctx) => reports.push(ctx)) },
    );
    expect(reports).toEqual([]);
  });

  it("a plain future's failure is reported as a Future's", async () => {
    const reports: ExceptionContext[] = [];
    await run(
      function* () {
        getRunningLoop().createFuture().setException(new Error("lost"));
        yield* collectUntil(() => reports.length > 0);
      },
      { setup: (loop) => loop.setExceptionHandler((_l, ctx) => reports.push(ctx)) },
    );
    expect(reports.map((r) => r.message)).toEqual(["Future exception was never retrieved"]);
  });

  it("is never reported when a cancellation reaches the waiting task after the awaited future failed: the wake-up reads it", async () => {
    const reports: ExceptionContext[] = [];
    const log: string[] = [];
    let kept: FutureLike<void> | null = null; // reachable at close, so an unread failure would be reported then
    await run(
      function* () {
        const fut = getRunningLoop().createFuture<void>();
        kept = fut;
        const waiter = createTask(
          (function* () {
            try {
              yield* fut;
              log.push("resumed");
            } catch (e) {
              log.push(isCancelledError(e) ? "waiter got CancelledError" : `waiter got ${e}`);
              throw e;
            }
          })(),
        );
        yield* sleep(0); // the waiter is parked on fut
        fut.setException(new RangeError("boom"));
        waiter.cancel(); // before the waiter's wake-up ran
        try {
          yield* waiter;
        } catch (e) {
          log.push(isCancelledError(e) ? "waiter ended cancelled" : `waiter ended with ${e}`);
        }
      },
      { setup: (loop) => loop.setExceptionHandler((_l, ctx) => reports.push(ctx)) },
    );
    expect(log).toEqual(["waiter got CancelledError", "waiter ended cancelled"]);
    expect(kept).not.toBeNull();
    expect(reports.map((r) => r.message)).toEqual([]);
  });
});
