// Shared by the tests: the fixture module and a way to wait (a few real ms) for workers to exit.
import { getRunningLoop } from "@corio/interfaces";
import { fromPromise } from "@corio/task";
import type { ThreadPool } from "../src/index.js";

export const WORK = new URL("./fixtures/work.mjs", import.meta.url);
export const BROKEN = new URL("./fixtures/broken.mjs", import.meta.url);

/** Resolves once `pool` has no worker thread left (each one exited), polling every few ms. */
export async function allExited(pool: ThreadPool): Promise<void> {
  for (let i = 0; i < 500 && pool.statistics().workers > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  if (pool.statistics().workers > 0) throw new Error("workers still alive after 1 s");
}

/** Inside a coroutine: waits for `allExited`. */
export function* workersExited(pool: ThreadPool) {
  getRunningLoop();
  yield* fromPromise(allExited(pool));
}

/** A shared flag a worker job blocks on (`waitFor` in work.mjs): [released, finished count]. */
export function flag(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(8));
}

export function release(f: Int32Array): void {
  Atomics.store(f, 0, 1);
  Atomics.notify(f, 0);
}
