// What the pool keeps per job and per worker, and the FIFO of jobs waiting for a free worker.
import type { TransferListItem, Worker } from "node:worker_threads";
import type * as I from "@corio/interfaces";

/** Waiting in the pool's queue. */
export const QUEUED = 0;
/** Sent to a worker; someone waits for its result. */
export const RUNNING = 1;
/** Still running on its worker, but its future was cancelled: the result will be dropped. */
export const ABANDONED = 2;
/** Settled, dropped, or killed. */
export const DONE = 3;

export interface Job {
  id: number;
  href: string;
  name: string;
  args: readonly unknown[];
  transfer: TransferListItem[] | undefined;
  fut: I.Future<unknown>;
  loop: I.EventLoop;
  /** Releases the loop's `trackExternal` hold; null once released. */
  release: (() => void) | null;
  /** Cancelling it while it runs kills its worker (else the job is abandoned). */
  terminate: boolean;
  slot: Slot | null;
  state: number;
}

/** One worker thread and the job it runs. */
export interface Slot {
  worker: Worker;
  job: Job | null;
  /** Terminated on purpose, or already counted as crashed. */
  killed: boolean;
  /** The worker's uncaught error, if it reported one before exiting. */
  crash: unknown;
}

/**
 * Jobs in submission order. A cancelled job stays in the array, marked done, and is skipped when
 * it comes up, so cancelling costs O(1); `size` counts only the jobs still queued.
 */
export class JobQueue {
  /** @internal */ private _items: (Job | undefined)[] = [];
  /** @internal */ private _head = 0;
  size = 0;

  push(job: Job): void {
    this._items.push(job);
    this.size++;
  }

  /** The next job still queued, or undefined. */
  shift(): Job | undefined {
    while (this._head < this._items.length) {
      const job = this._items[this._head];
      this._items[this._head++] = undefined;
      if (this._head > 1024 && this._head * 2 > this._items.length) {
        this._items = this._items.slice(this._head);
        this._head = 0;
      }
      if (job !== undefined && job.state === QUEUED) {
        this.size--;
        return job;
      }
    }
    return undefined;
  }

  /** Marks a queued job as gone; the array drops it lazily. */
  forget(job: Job): void {
    if (job.state === QUEUED) this.size--;
    job.state = DONE;
  }

  /** Every job still queued, oldest first. */
  *pending(): Generator<Job, void, undefined> {
    for (let i = this._head; i < this._items.length; i++) {
      const job = this._items[i];
      if (job !== undefined && job.state === QUEUED) yield job;
    }
  }
}
