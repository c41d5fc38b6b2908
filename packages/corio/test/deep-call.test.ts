// call() with corio's own layers: queues, locks, timeouts and task groups work unchanged at the
// bottom of a deep chain of call() frames. Their operations are one iterator deep (call() passes
// them through), so the chain costs one frame per level whatever the layer does.
import { runVirtual } from "@corio/task/testing";
import { describe, expect, it } from "vitest";
// @corio/testkit depends on corio's packages, so this test takes the helper from its source.
import { expectRaises } from "../../testkit/src/throws.js";
import {
  type Coroutine,
  call,
  createTask,
  getRunningLoop,
  isCancelledError,
  Lock,
  type Operation,
  Queue,
  sleep,
  TimeoutError,
  taskGroup,
  timeout,
} from "../src/index.js";

/** Descends `depth` call() frames, then runs `bottom`; logs each frame's finally. */
function* descend<T>(
  depth: number,
  bottom: () => Operation<T>,
  log: string[] | null = null,
): Coroutine<T> {
  try {
    return depth === 0 ? yield* bottom() : yield* call(descend(depth - 1, bottom, log));
  } finally {
    if (log !== null && depth % 250 === 0) log.push(`unwound ${depth}`);
  }
}

describe("call() frames over corio's layers", () => {
  it("a consumer 1000 frames deep takes every item from a bounded queue, in order", () =>
    runVirtual(function* () {
      const q = new Queue<number>(2);
      const got: number[] = [];
      const consumer = createTask(
        descend(1000, function* () {
          for (let i = 0; i < 5; i++) got.push(yield* q.get());
          return got.length;
        }),
      );
      for (let i = 0; i < 5; i++) yield* call(q.put(i));
      expect(yield* consumer).toBe(5);
      expect(got).toEqual([0, 1, 2, 3, 4]);
    }));

  it("a lock taken deep in a chain is released by the finally blocks when the task is cancelled", () =>
    runVirtual(function* () {
      const lock = new Lock();
      const log: string[] = [];
      const holder = createTask(
        descend(
          500,
          function* () {
            yield* lock.acquire();
            try {
              yield* sleep(60_000);
            } finally {
              lock.release();
              log.push("released");
            }
          },
          log,
        ),
      );
      yield* sleep(10);
      expect(lock.locked()).toBe(true);
      holder.cancel();
      const error = yield* call(expectRaises(holder));
      expect(isCancelledError(error)).toBe(true);
      expect(lock.locked()).toBe(false);
      expect(log).toEqual(["released", "unwound 0", "unwound 250", "unwound 500"]);
    }));

  it("a timeout and a task group around a deep chain behave as around a shallow one", () =>
    runVirtual(function* () {
      const loop = getRunningLoop();
      const caught = yield* expectRaises(timeout(100, () => descend(800, () => sleep(1000))));
      expect(caught).toBeInstanceOf(TimeoutError);
      expect(loop.time()).toBe(100);

      const results: number[] = [];
      yield* taskGroup(function* (tg) {
        for (let k = 1; k <= 3; k++) {
          tg.createTask(
            descend(300, function* () {
              yield* sleep(k * 10);
              results.push(k);
              return k;
            }),
          );
        }
      });
      expect(results).toEqual([1, 2, 3]);
      expect(loop.time()).toBe(130);
    }));
});
