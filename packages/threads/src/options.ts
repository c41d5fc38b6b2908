// The options and statistics of a pool and of one job, and the check of `onCancel`.
import type { TransferListItem } from "node:worker_threads";

/**
 * What cancelling a running job does. `"abandon"` (asyncio's behaviour, the default): the waiting
 * task is cancelled at once, the job runs to its end on its worker and its result is dropped.
 * `"terminate"`: the worker is killed at once and replaced; the job stops where it was.
 */
export type CancelMode = "abandon" | "terminate";

/** Options for {@link ThreadPool}. */
export interface ThreadPoolOptions {
  /** The most workers alive at once; default `os.availableParallelism()`. */
  maxWorkers?: number;
  /** What cancelling a running job does, unless the job says otherwise; default `"abandon"`. */
  onCancel?: CancelMode;
}

/** Options for one job. */
export interface JobOptions {
  /**
   * Objects among the arguments to move to the worker instead of copying (`ArrayBuffer`,
   * `MessagePort`, ...). They are detached on this side as soon as the job is submitted.
   */
  transfer?: readonly TransferListItem[];
  /** What cancelling this job while it runs does; default the pool's `onCancel`. */
  onCancel?: CancelMode;
}

/** What a pool holds right now; see {@link ThreadPool.statistics}. */
export interface ThreadPoolStatistics {
  maxWorkers: number;
  /** Workers alive: busy, idle, or killed and not exited yet. */
  workers: number;
  busy: number;
  idle: number;
  /** Jobs waiting for a free worker. */
  queued: number;
  shutdown: boolean;
}

/** Checks an `onCancel` option; `undefined` means "the default". */
export function checkMode(where: string, mode: unknown): CancelMode | undefined {
  if (mode === undefined || mode === "abandon" || mode === "terminate") return mode;
  throw new TypeError(
    `${where}: onCancel must be "abandon" or "terminate", got ${typeof mode === "string" ? JSON.stringify(mode) : typeof mode}`,
  );
}
