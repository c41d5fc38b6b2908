// Many jobs, some cancelled at random moments in either mode: every job that was not cancelled gets
// its own result, and afterwards the pool and the loop hold nothing (no hold on the clock, no busy
// worker, no queued job).
import { getRunningLoop } from "@corio/interfaces";
import { createTask, run, sleep } from "@corio/task";
import { describe, expect, it } from "vitest";
import { ThreadPool, toThread } from "../src/index.js";
import { WORK } from "./helpers.js";

/** mulberry32: the same "random" cancellations on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("200 jobs with random cancellations", () => {
  for (const seed of [1, 2, 3]) {
    it(
      `seed ${seed}: results match, nothing is left held`,
      () =>
        run(function* () {
          const random = prng(seed);
          const loop = getRunningLoop() as unknown as { statistics(): { external: number } };
          const pool = new ThreadPool({ maxWorkers: 2 });
          const tasks = Array.from({ length: 200 }, (_, i) =>
            createTask(
              random() < 0.5
                ? toThread(WORK, "add", [i, 1], { pool, onCancel: i % 2 ? "abandon" : "terminate" })
                : toThread(WORK, "later", [i + 1, Math.floor(random() * 3)], {
                    pool,
                    onCancel: i % 3 ? "abandon" : "terminate",
                  }),
            ),
          );
          const cancelled = new Set<number>();
          for (let step = 0; step < 20; step++) {
            yield* sleep(random() < 0.5 ? 0 : 1);
            for (let k = 0; k < 4; k++) {
              const i = Math.floor(random() * tasks.length);
              if (!tasks[i]!.done() && tasks[i]!.cancel()) cancelled.add(i);
            }
          }
          for (const [i, task] of tasks.entries()) {
            try {
              const value = yield* task;
              expect(value).toBe(i + 1);
            } catch (error) {
              expect(cancelled.has(i), `job ${i} failed: ${String(error)}`).toBe(true);
            }
          }
          expect(cancelled.size).toBeGreaterThan(0);
          yield* pool.shutdown();
          expect(pool.statistics()).toEqual({
            maxWorkers: 2,
            workers: 0,
            busy: 0,
            idle: 0,
            queued: 0,
            shutdown: true,
          });
          expect(loop.statistics().external).toBe(0);
        }),
      20_000,
    );
  }
});
