import { CancelledError, isCancelledError } from "@corio/interfaces";
import { createTask, run, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { expectRaises } from "@corio/testkit";
import { describe, expect, it } from "vitest";
import { shield } from "../src/index.js";
import { now, work } from "./helpers.js";

describe("shield", () => {
  it("the outer awaiter is cancelled while the inner keeps running", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const inner = createTask(work(log, "a", 2000));
      const o = createTask(
        (function* () {
          try {
            return yield* shield(inner);
          } catch (e) {
            log.push(`outer cancelled t=${now()}`);
            throw e;
          }
        })(),
      );
      yield* sleep(1000);
      o.cancel();
      try {
        yield* o;
      } catch (e) {
        if (isCancelledError(e)) log.push("o cancelled");
      }
      log.push(`inner result ${yield* inner} t=${now()}`);
      expect(log).toEqual([
        "a start",
        "outer cancelled t=1000",
        "o cancelled",
        "a end",
        "a finally",
        "inner result a t=2000",
      ]);
    }));

  it("passes the result, the error, or the inner's own cancellation through", () =>
    runVirtual(function* () {
      expect(yield* shield(work([], "r", 10))).toBe("r");
      const err = yield* expectRaises(shield(work([], "x", 10, true)), Error);
      expect(err.message).toBe("x");
      const inner = createTask(work([], "c", 100));
      const s = shield(inner);
      yield* sleep(10);
      inner.cancel();
      yield* expectRaises(s, CancelledError);
      expect(s.cancelled()).toBe(true);
    }));

  it("returns a done future itself", () =>
    runVirtual(function* () {
      const t = createTask(work([], "d", 0));
      yield* t;
      expect(shield(t)).toBe(t);
    }));

  it("an inner that fails as the outer is cancelled is marked retrieved, not reported", async () => {
    const reported: unknown[] = [];
    await run(
      function* () {
        const inner = createTask(work([], "late", 100, true));
        const o = createTask(
          (function* () {
            yield* shield(inner);
          })(),
        );
        yield* sleep(100); // inner fails in this same iteration, just before
        o.cancel();
        yield* sleep(200);
      },
      {
        clock: "virtual",
        setup: (loop) =>
          loop.setExceptionHandler((_l, ctx) => reported.push(`${ctx.message} ${ctx.exception}`)),
      },
    );
    expect(reported).toEqual([]);
  });

  it("rejects non-awaitables", () =>
    runVirtual(function* () {
      expect(() => shield(5 as never)).toThrow(/shield\(aw\): aw/);
      yield* sleep(0);
    }));
});
