// The options and statistics of a pool and of one job, and the check of `onCancel`.
import type { TransferListItem } from "node:worker_threads";

/**
 * What cancelling a running job does. `"abandon"` (asyncio's behaviour, the default): the waiting
 * task is cancelled at once, the job runs to its end on its worker and its result is dropped.
 * `"terminate"`: the worker is killed at once and replaced; the job stops where it was.
 *
 * @asyncio none: asyncio always abandons; trio's `to_thread.run_sync(abandon_on_cancel=True)`
 * @example
 * const pool = new ThreadPool({ onCancel: "terminate" });
 */
export type CancelMode = "abandon" | "terminate";

/**
 * Options for {@link ThreadPool}.
 *
 * @asyncio the arguments of `ThreadPoolExecutor(max_workers=...)`
 * @example
 * new ThreadPool({ maxWorkers: 4, onCancel: "terminate" });
 */
export interface ThreadPoolOptions {
  /** The most workers alive at once; default `os.availableParallelism()`. */
  maxWorkers?: number;
  /** What cancelling a running job does, unless the job says otherwise; default `"abandon"`. */
  onCancel?: CancelMode;
}

/**
 * Options for one job.
 *
 * @asyncio none: Python threads share memory, so nothing is copied or moved.
 * @example
 * pool.submit(url, "checksum", [buffer], { transfer: [buffer], onCancel: "terminate" });
 */
export interface JobOptions {
  /**
   * Objects among the arguments to move to the worker instead of copying (`ArrayBuffer`,
   * `MessagePort`, ...). They are detached on this side as soon as the job is submitted.
   */
  transfer?: readonly TransferListItem[];
  /** What cancelling this job while it runs does; default the pool's `onCancel`. */
  onCancel?: CancelMode;
}

/**
 * What a pool holds right now; see {@link ThreadPool.statistics}.
 *
 * @example
 * // { maxWorkers: 2, workers: 2, busy: 2, idle: 0, queued: 4, shutdown: false }
 *
 * @asyncio none: `ThreadPoolExecutor` keeps `_threads` and `_work_queue` private
 */
export interface ThreadPoolStatistics {
  /** The bound given at construction (or the number of cores). */
  maxWorkers: number;
  /** Workers alive: busy, idle, or killed and not exited yet. */
  workers: number;
  /** Workers running a job, an abandoned one included. */
  busy: number;
  /** Workers waiting for a job. */
  idle: number;
  /** Jobs waiting for a free worker. */
  queued: number;
  /** True once `shutdown()` was called (or the loop owning a default pool closed). */
  shutdown: boolean;
}

/** Checks an `onCancel` option; `undefined` means "the default". */
export function checkMode(where: string, mode: unknown): CancelMode | undefined {
  if (mode === undefined || mode === "abandon" || mode === "terminate") return mode;
  throw new TypeError(
    `${where}: onCancel must be "abandon" or "terminate", got ${typeof mode === "string" ? JSON.stringify(mode) : typeof mode}`,
  );
}
