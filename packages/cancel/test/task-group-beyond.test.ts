import { CancelledError, getRunningLoop, isCancelledError } from "@corio/interfaces";
import { createTask, fromPromise, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { describe, expect, it } from "vitest";
import { ExceptionGroup, TaskGroup, taskGroup, timeout } from "../src/index.js";
import { now, work } from "./helpers.js";

const at = (line: string) => `${line} @${now()}`;

describe("TaskGroup supervisor mode", () => {
  it("a failing child cancels nobody; every failure is thrown together when the block ends", () =>
    runVirtual(function* () {
      const log: string[] = [];
      let caught: unknown;
      try {
        yield* taskGroup(
          function* (tg) {
            tg.createTask(work(log, "a", 100, true));
            tg.createTask(work(log, "b", 300));
            tg.createTask(work(log, "c", 200, true));
            yield* sleep(150);
            log.push(at("block still running"));
            // A supervisor group still takes new children after a failure.
            tg.createTask(work(log, "d", 10));
          },
          { supervisor: true },
        );
      } catch (e) {
        caught = e;
      }
      expect(log).toEqual([
        "a start",
        "b start",
        "c start",
        "a fail",
        "a finally",
        "block still running @150",
        "d start",
        "d end",
        "d finally",
        "c fail",
        "c finally",
        "b end",
        "b finally",
      ]);
      expect(caught).toBeInstanceOf(ExceptionGroup);
      expect((caught as ExceptionGroup).errors.map((e) => (e as Error).message)).toEqual([
        "a",
        "c",
      ]);
      expect(now()).toBe(300);
    }));

  it("the block's own error still cancels every child", () =>
    runVirtual(function* () {
      const log: string[] = [];
      let caught: unknown;
      try {
        yield* taskGroup(
          function* (tg) {
            tg.createTask(work(log, "a", 1000));
            yield* sleep(10);
            throw new RangeError("block failed");
          },
          { supervisor: true },
        );
      } catch (e) {
        caught = e;
      }
      expect(log).toEqual(["a start", "a cancelled", "a finally"]);
      expect((caught as ExceptionGroup).errors.map((e) => (e as Error).message)).toEqual([
        "block failed",
      ]);
    }));

  it("a cancellation from outside cancels every child and propagates", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const outer = createTask(
        taskGroup(
          function* (tg) {
            tg.createTask(work(log, "a", 1000, true));
            tg.createTask(work(log, "b", 1000));
            yield* sleep(5000);
          },
          { supervisor: true },
        ),
      );
      yield* sleep(10);
      outer.cancel();
      const error = yield* fromPromise(
        outer.then(
          () => null,
          (e: unknown) => e,
        ),
      );
      expect(isCancelledError(error)).toBe(true);
      expect(log).toEqual([
        "a start",
        "b start",
        "a cancelled",
        "a finally",
        "b cancelled",
        "b finally",
      ]);
    }));

  it("refuses a supervisor option that is not a boolean", () =>
    runVirtual(function* () {
      expect(() => taskGroup(() => {}, { supervisor: "yes" as never })).toThrow(
        /TaskGroup\.run\(body, options\): options\.supervisor must be a boolean, got string "yes"/,
      );
    }));
});

describe("TaskGroup graceful cancel", () => {
  /** A worker that takes jobs of `ms` until asked to stop, then finishes the job in hand. */
  function* worker(log: string[], tg: TaskGroup, name: string, ms: number) {
    try {
      while (!tg.stopSignal.aborted) {
        log.push(at(`${name} job`));
        yield* sleep(ms);
      }
      log.push(at(`${name} stopped cleanly`));
    } catch (e) {
      if (isCancelledError(e)) log.push(at(`${name} cancelled`));
      throw e;
    }
  }

  it("aborts stopSignal first; children that finish in time end cleanly, the rest are cancelled when the grace ends", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const value = yield* taskGroup(function* (tg) {
        tg.stopSignal.addEventListener("abort", () => log.push(at("stopSignal aborted")));
        tg.createTask(worker(log, tg, "fast", 100));
        tg.createTask(worker(log, tg, "slow", 1000));
        yield* sleep(250);
        tg.cancel("deploy", { grace: 500 });
        expect(tg.isStopping()).toBe(true);
        log.push(at("block waits"));
        yield* sleep(10_000);
        log.push("never reached");
        return "block value";
      });
      expect(value).toBeUndefined();
      expect(log).toEqual([
        "fast job @0",
        "slow job @0",
        "fast job @100",
        "fast job @200",
        "stopSignal aborted @250",
        "block waits @250",
        "fast stopped cleanly @300",
        "slow cancelled @750",
      ]);
      expect(now()).toBe(750);
    }));

  it("ends as soon as everything is done within the grace, leaving no timer behind", () =>
    runVirtual(function* () {
      const log: string[] = [];
      yield* taskGroup(function* (tg) {
        tg.createTask(worker(log, tg, "w", 100));
        yield* sleep(50);
        tg.cancel(undefined, { grace: 10_000 });
      });
      log.push(at("group done"));
      expect(log).toEqual(["w job @0", "w stopped cleanly @100", "group done @100"]);
      expect(
        (getRunningLoop() as unknown as { statistics(): { timers: number } }).statistics().timers,
      ).toBe(0);
    }));

  it("a later cancel() without grace cuts the grace period short", () =>
    runVirtual(function* () {
      const log: string[] = [];
      yield* taskGroup(function* (tg) {
        tg.createTask(worker(log, tg, "slow", 1000));
        yield* sleep(10);
        tg.cancel(undefined, { grace: 5000 });
        yield* sleep(20);
        tg.cancel();
      });
      expect(log).toEqual(["slow job @0", "slow cancelled @30"]);
    }));

  it("taskGroup(body, { signal: tg.stopSignal }) ends a child's loop where it waits and lets it clean up", () =>
    runVirtual(function* () {
      const log: string[] = [];
      yield* taskGroup(function* (tg) {
        tg.createTask(
          (function* () {
            yield* taskGroup(
              function* () {
                for (;;) yield* sleep(1000);
              },
              { signal: tg.stopSignal },
            );
            log.push(at("accept loop ended"));
            yield* sleep(200);
            log.push(at("flushed"));
          })(),
        );
        yield* sleep(500);
        tg.cancel("bye", { grace: 1000 });
      });
      expect(log).toEqual(["accept loop ended @500", "flushed @700"]);
    }));

  it("a graceful cancel before the block starts applies when it starts", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const tg = new TaskGroup();
      tg.cancel(undefined, { grace: 300 });
      yield* tg.run(function* () {
        expect(tg.stopSignal.aborted).toBe(true);
        tg.createTask(work(log, "late", 1000));
        yield* sleep(0);
      });
      expect(log).toEqual(["late start", "late cancelled", "late finally"]);
      expect(now()).toBe(300);
    }));

  it("checks the grace option", () =>
    runVirtual(function* () {
      yield* taskGroup(function* (tg) {
        expect(() => tg.cancel(undefined, { grace: -1 })).toThrow(
          /options\.grace must be 0 or more milliseconds, got -1/,
        );
        expect(() => tg.cancel(undefined, { grace: "5s" as never })).toThrow(TypeError);
        expect(() => tg.cancel(undefined, 5 as never)).toThrow(/options must be an object/);
      });
    }));
});

describe("async disposal", () => {
  const asyncDispose = (Symbol as { asyncDispose?: symbol }).asyncDispose!;

  it("tg[Symbol.asyncDispose]() cancels the group and resolves once every child is done", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const tg = new TaskGroup();
      const holder = createTask(
        tg.run(function* () {
          tg.createTask(work(log, "a", 10_000));
          tg.createTask(work(log, "b", 10_000));
          yield* sleep(10_000);
        }),
      );
      yield* sleep(5);
      const dispose = (tg as unknown as Record<symbol, () => Promise<void>>)[asyncDispose]!;
      yield* fromPromise(dispose.call(tg));
      log.push("disposed");
      yield* holder;
      expect(log).toEqual([
        "a start",
        "b start",
        "a cancelled",
        "a finally",
        "b cancelled",
        "b finally",
        "disposed",
      ]);
    }));

  it("scope[Symbol.asyncDispose]() removes an active timeout's deadline", () =>
    runVirtual(function* () {
      const value = yield* timeout(100, function* (scope) {
        yield* fromPromise(
          (scope as unknown as Record<symbol, () => Promise<void>>)[asyncDispose]!.call(scope),
        );
        expect(scope.when()).toBeNull();
        yield* sleep(500);
        return "no timeout";
      });
      expect(value).toBe("no timeout");
      expect(now()).toBe(500);
    }));
});

void CancelledError;
