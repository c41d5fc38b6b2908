import type { EventLoop, ExceptionContext } from "@corio/interfaces";
import { RuntimeError } from "@corio/interfaces";
import { checkSuiteApi, eq, list, ok, type SuiteApi, throws } from "./check.js";

/**
 * An event loop under test, with a way to drive it. The clock must be controllable (manual or
 * virtual), so the suite can check timers exactly.
 *
 * @asyncio none: plays the part of `test_asyncio.utils.TestLoop`'s `advance_time`
 * @example
 * const loop = new EventLoop({ clock: "manual" });
 * const harness: LoopHarness = { loop, advance: (ms) => loop.advance(ms) };
 */
export interface LoopHarness {
  /** The loop under test, fresh, with nothing scheduled. */
  loop: EventLoop;
  /**
   * Moves the loop's clock forward by `ms`, running on the way every callback that is ready and
   * every timer that comes due, in order. `advance(0)` runs what is ready now. After `close()` it
   * may throw or do nothing.
   */
  advance(ms: number): void | Promise<void>;
}

const isRuntimeError = (e: unknown) => e instanceof RuntimeError;
const isTypeError = (e: unknown) => e instanceof TypeError;
const isRangeError = (e: unknown) => e instanceof RangeError;

/**
 * Registers the event loop contract suite: any `EventLoop` implementation runs it against itself.
 * It checks `callSoon` FIFO order, timers by deadline then FIFO, that callbacks ready at the start
 * of an iteration run before timers that come due, handle cancellation, `close()`, the exception
 * handler, futures' done callbacks, and errors for bad input.
 *
 * The suite takes the test runner's `describe` and `it`, so the testkit never imports a runner.
 *
 * @asyncio the behaviour `asyncio.BaseEventLoop` documents and `test_asyncio/test_base_events.py`
 * checks.
 * @throws {TypeError} if `api` lacks `describe`/`it` or `makeLoop` is not a function.
 * @example
 * import { describe, it } from "vitest";
 * import { EventLoop } from "@corio/loop";
 * import { eventLoopContract } from "@corio/testkit";
 *
 * eventLoopContract({ describe, it }, () => {
 *   const loop = new EventLoop({ clock: "manual" });
 *   return { loop, advance: (ms) => loop.advance(ms) };
 * });
 */
export function eventLoopContract(
  api: SuiteApi,
  makeLoop: () => LoopHarness,
  options: { name?: string } = {},
): void {
  checkSuiteApi("eventLoopContract(api, makeLoop)", api);
  if (typeof makeLoop !== "function") {
    throw new TypeError(
      `eventLoopContract(api, makeLoop): makeLoop must be a function returning { loop, advance }, got ${typeof makeLoop}`,
    );
  }
  const { describe, it } = api;

  /** Runs `body` with a fresh harness and closes the loop afterwards. */
  const withLoop =
    (body: (h: LoopHarness, log: string[]) => void | Promise<void>) => async (): Promise<void> => {
      const h = makeLoop();
      const log: string[] = [];
      try {
        await body(h, log);
      } finally {
        if (!h.loop.isClosed()) h.loop.close();
      }
    };

  describe(options.name ?? "EventLoop contract", () => {
    describe("ordering", () => {
      it(
        "runs callSoon callbacks in the order they were scheduled",
        withLoop(async ({ loop, advance }, log) => {
          for (const name of ["a", "b", "c", "d"]) loop.callSoon(() => log.push(name));
          await advance(0);
          list(log, ["a", "b", "c", "d"], "callSoon order");
        }),
      );

      it(
        "runs a callback scheduled by a running callback after those already scheduled",
        withLoop(async ({ loop, advance }, log) => {
          loop.callSoon(() => {
            log.push("a");
            loop.callSoon(() => log.push("c (scheduled by a)"));
          });
          loop.callSoon(() => log.push("b"));
          await advance(0);
          list(log, ["a", "b", "c (scheduled by a)"], "nested callSoon order");
        }),
      );

      it(
        "runs timers by deadline, and equal deadlines in scheduling order",
        withLoop(async ({ loop, advance }, log) => {
          const t0 = loop.time();
          loop.callLater(30, () => log.push("a@30"));
          loop.callLater(10, () => log.push("b@10"));
          loop.callLater(20, () => log.push("c@20"));
          loop.callLater(10, () => log.push("d@10"));
          loop.callAt(t0 + 20, () => log.push("e@20 (callAt)"));
          await advance(30);
          list(log, ["b@10", "d@10", "c@20", "e@20 (callAt)", "a@30"], "timer order");
        }),
      );

      it(
        "runs callbacks already ready before a timer that comes due in the same iteration",
        withLoop(async ({ loop, advance }, log) => {
          loop.callLater(0, () => log.push("timer(0)"));
          loop.callLater(-5, () => log.push("timer(-5)"));
          loop.callSoon(() => log.push("soon"));
          await advance(0);
          // The timer for -5 ms has the earlier deadline, so it runs first of the two.
          list(log, ["soon", "timer(-5)", "timer(0)"], "ready callbacks before due timers");
        }),
      );

      it(
        "runs what a timer schedules with callSoon after the other timers due with it",
        withLoop(async ({ loop, advance }, log) => {
          loop.callLater(10, () => {
            log.push("t1");
            loop.callSoon(() => log.push("soon from t1"));
          });
          loop.callLater(10, () => log.push("t2"));
          await advance(10);
          list(log, ["t1", "t2", "soon from t1"], "one iteration runs exactly what was ready");
        }),
      );
    });

    describe("timers and time", () => {
      it(
        "runs a timer when its deadline comes, not a millisecond earlier",
        withLoop(async ({ loop, advance }, log) => {
          const t0 = loop.time();
          loop.callLater(100, () => log.push(`ran at +${loop.time() - t0}`));
          await advance(99);
          list(log, [], "before the deadline");
          await advance(1);
          eq(log.length, 1, "timers run at the deadline");
          ok(loop.time() - t0 >= 100, "time() reached the deadline");
        }),
      );

      it(
        "moves time() forward by what advance() was given",
        withLoop(async ({ loop, advance }) => {
          const t0 = loop.time();
          await advance(250);
          eq(loop.time() - t0, 250, "time() after advance(250)");
        }),
      );

      it(
        "reports the deadline through when()",
        withLoop(({ loop }) => {
          const t0 = loop.time();
          eq(loop.callLater(1500, () => {}).when(), t0 + 1500, "callLater(1500).when()");
          eq(loop.callAt(t0 + 7, () => {}).when(), t0 + 7, "callAt(t0 + 7).when()");
        }),
      );
    });

    describe("cancelling handles", () => {
      it(
        "never runs a cancelled callSoon callback or timer",
        withLoop(async ({ loop, advance }, log) => {
          const soon = loop.callSoon(() => log.push("soon"));
          const timer = loop.callLater(10, () => log.push("timer"));
          loop.callLater(10, () => log.push("other timer"));
          soon.cancel();
          timer.cancel();
          ok(soon.cancelled() && timer.cancelled(), "cancelled() is true after cancel()");
          await advance(20);
          list(log, ["other timer"], "only the live timer ran");
        }),
      );

      it(
        "skips a callback cancelled by an earlier callback of the same iteration",
        withLoop(async ({ loop, advance }, log) => {
          let second: { cancel(): void } | null = null;
          loop.callSoon(() => {
            log.push("first");
            second?.cancel();
          });
          second = loop.callSoon(() => log.push("second"));
          loop.callSoon(() => log.push("third"));
          await advance(0);
          list(log, ["first", "third"], "the cancelled callback was skipped");
        }),
      );

      it(
        "does nothing when a handle is cancelled after it ran",
        withLoop(async ({ loop, advance }, log) => {
          const h = loop.callSoon(() => log.push("ran"));
          await advance(0);
          h.cancel();
          h.cancel();
          await advance(0);
          list(log, ["ran"], "the callback ran once");
        }),
      );
    });

    describe("close", () => {
      it(
        "drops pending callbacks and timers and refuses new ones",
        withLoop(async (h, log) => {
          const { loop } = h;
          loop.callSoon(() => log.push("soon"));
          loop.callLater(10, () => log.push("timer"));
          loop.close();
          eq(loop.isClosed(), true, "isClosed() after close()");
          try {
            await h.advance(20);
          } catch {
            // A closed loop may refuse to run; either way nothing may run.
          }
          list(log, [], "nothing ran after close()");
          throws(() => loop.callSoon(() => {}), isRuntimeError, "callSoon after close()");
          throws(() => loop.callLater(1, () => {}), isRuntimeError, "callLater after close()");
          loop.close(); // closing twice is allowed
        }),
      );
    });

    describe("exception handler", () => {
      it(
        "receives an error thrown by a callback, and the loop carries on",
        withLoop(async ({ loop, advance }, log) => {
          const seen: ExceptionContext[] = [];
          const boom = new Error("boom");
          const handler = (l: EventLoop, ctx: ExceptionContext) => {
            ok(l === loop, "the handler receives the loop");
            seen.push(ctx);
          };
          loop.setExceptionHandler(handler);
          eq(loop.getExceptionHandler(), handler, "getExceptionHandler()");
          loop.callSoon(() => {
            throw boom;
          });
          loop.callSoon(() => log.push("next callback"));
          loop.callLater(5, () => {
            throw new Error("timer boom");
          });
          loop.callLater(5, () => log.push("next timer"));
          await advance(5);
          list(log, ["next callback", "next timer"], "callbacks after a failing one");
          eq(seen.length, 2, "handler calls");
          eq(seen[0]!.exception, boom as unknown, "context.exception");
          eq(typeof seen[0]!.message, "string", "typeof context.message");
          eq((seen[1]!.exception as Error).message, "timer boom", "the timer's error");
        }),
      );

      it(
        "passes every context given to callExceptionHandler to the handler",
        withLoop(({ loop }) => {
          const seen: ExceptionContext[] = [];
          loop.setExceptionHandler((_l, ctx) => seen.push(ctx));
          const ctx = { message: "custom", exception: new Error("x"), extra: 1 };
          loop.callExceptionHandler(ctx);
          eq(seen.length, 1, "handler calls");
          eq(seen[0]!.message, "custom", "message");
          eq(seen[0]!["extra"], 1 as unknown, "extra keys");
        }),
      );
    });

    describe("futures", () => {
      it(
        "runs done callbacks through the loop, in the order they were added",
        withLoop(async ({ loop, advance }, log) => {
          const fut = loop.createFuture<number>();
          eq(fut.done(), false, "a new future is pending");
          fut.addDoneCallback((f) => log.push(`first ${f.result()}`));
          fut.addDoneCallback(() => log.push("second"));
          fut.setResult(7);
          list(log, [], "done callbacks never run synchronously");
          fut.addDoneCallback(() => log.push("added when done"));
          await advance(0);
          list(log, ["first 7", "second", "added when done"], "done callback order");
          eq(fut.result(), 7, "result()");
        }),
      );

      it(
        "reports no current task and no tasks outside a task",
        withLoop(({ loop }) => {
          eq(loop.currentTask(), null, "currentTask()");
          eq(loop.allTasks().size, 0, "allTasks().size");
        }),
      );
    });

    describe("bad input", () => {
      it(
        "throws TypeError for a callback that is not a function",
        withLoop(({ loop }) => {
          throws(() => loop.callSoon(42 as never), isTypeError, "callSoon(42)");
          throws(() => loop.callLater(5, null as never), isTypeError, "callLater(5, null)");
          throws(() => loop.callAt(5, "x" as never), isTypeError, 'callAt(5, "x")');
        }),
      );

      it(
        "throws TypeError for a delay that is not a number, RangeError for NaN or Infinity",
        withLoop(({ loop }) => {
          const fn = () => {};
          throws(() => loop.callLater("5" as never, fn), isTypeError, 'callLater("5", fn)');
          throws(() => loop.callLater(Number.NaN, fn), isRangeError, "callLater(NaN, fn)");
          throws(() => loop.callLater(Infinity, fn), isRangeError, "callLater(Infinity, fn)");
          throws(() => loop.callAt(Number.NaN, fn), isRangeError, "callAt(NaN, fn)");
        }),
      );
    });
  });
}
