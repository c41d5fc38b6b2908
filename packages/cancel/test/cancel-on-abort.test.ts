import { CancelledError, getRunningLoop } from "@corio/interfaces";
import { currentTask, sleep } from "@corio/task";
import { runVirtual } from "@corio/task/testing";
import { expectRaises } from "@corio/testkit";
import { describe, expect, it } from "vitest";
import { cancelOnAbort } from "../src/index.js";
import { now, work } from "./helpers.js";

function countRemovals(signal: AbortSignal): () => number {
  let removed = 0;
  const remove = signal.removeEventListener.bind(signal);
  signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
    removed++;
    remove(...args);
  }) as typeof signal.removeEventListener;
  return () => removed;
}

describe("cancelOnAbort", () => {
  it("cancels the task where it waits with the abort reason as message", () =>
    runVirtual(function* () {
      const log: string[] = [];
      const controller = new AbortController();
      const removed = countRemovals(controller.signal);
      getRunningLoop().callLater(200, () => controller.abort(new Error("user stop")));
      const e = yield* expectRaises(
        cancelOnAbort(controller.signal, () => work(log, "a", 1000)),
        CancelledError,
      );
      log.push(`cancelled "${e.message}" t=${now()} removed=${removed()}`);
      currentTask()!.uncancel();
      expect(log).toEqual([
        "a start",
        "a cancelled",
        "a finally",
        'cancelled "user stop" t=200 removed=1',
      ]);
    }));

  it("returns the value and removes its listener when the signal never aborts", () =>
    runVirtual(function* () {
      const controller = new AbortController();
      const removed = countRemovals(controller.signal);
      const v = yield* cancelOnAbort(controller.signal, () => sleep(10, "v"));
      expect(v).toBe("v");
      expect(removed()).toBe(1);
      controller.abort(); // too late: nothing happens
      yield* sleep(10);
      expect(currentTask()!.cancelling()).toBe(0);
    }));

  it("an already aborted signal cancels at the first wait", () =>
    runVirtual(function* () {
      const log: string[] = [];
      try {
        yield* cancelOnAbort(AbortSignal.abort("gone"), function* () {
          log.push("body runs until it waits");
          yield* sleep(10);
          log.push("never");
        });
      } catch (e) {
        log.push(`cancelled "${(e as Error).message}" t=${now()}`);
        currentTask()!.uncancel();
      }
      expect(log).toEqual(["body runs until it waits", 'cancelled "gone" t=0']);
    }));

  it("rejects a non-signal and a non-function body", () =>
    runVirtual(function* () {
      expect(() => cancelOnAbort({} as never, function* () {})).toThrow(TypeError);
      expect(() => cancelOnAbort(new AbortController().signal, 1 as never)).toThrow(TypeError);
      yield* sleep(0);
    }));
});
