// ThreadPool: asyncio's default executor rebuilt on Node worker threads.
//
// How it works: a pool starts workers on demand, up to `maxWorkers`, and reuses them; each worker
// runs one job at a time. A job names a module (an absolute URL) and one of its function exports;
// its arguments and result travel by structured clone. `submit` returns a future of the running
// loop, holds `loop.trackExternal` until the job settles (so a virtual clock waits for it and no
// false deadlock is reported), and registers the pool once per loop with `addCloseCallback`, so a
// closing loop kills every worker still running one of its jobs and every idle worker: nothing
// outlives `run()`. Cancelling a job's future drops a queued job; for a running one it either
// abandons it (the job finishes, its result is dropped) or terminates its worker (a fresh one
// takes the next job). A worker that dies fails its job with `WorkerCrashedError` and is replaced.
import { availableParallelism } from "node:os";
import { type TransferListItem, Worker } from "node:worker_threads";
import * as I from "@corio/interfaces";
import { type Failure, rebuildError, WorkerCrashedError } from "./errors.js";
import { ABANDONED, DONE, type Job, JobQueue, QUEUED, RUNNING, type Slot } from "./job.js";
import { checkName, moduleHref } from "./module.js";
import {
  type CancelMode,
  checkMode,
  type JobOptions,
  type ThreadPoolOptions,
  type ThreadPoolStatistics,
} from "./options.js";
import { WORKER_SOURCE } from "./worker-source.js";

const { RuntimeError, getRunningLoop } = I;

const NO_ARGS: readonly unknown[] = [];

/**
 * A bounded pool of reused worker threads that runs module functions for coroutines.
 *
 * @asyncio `concurrent.futures.ThreadPoolExecutor` as the loop's default executor
 * @throws {RangeError} if `maxWorkers` is not a positive integer.
 * @throws {TypeError} if `onCancel` is neither `"abandon"` nor `"terminate"`.
 * @example
 * const pool = new ThreadPool({ maxWorkers: 4 });
 * const hash = yield* pool.submit(new URL("./hash.mjs", import.meta.url), "sha256", [data]);
 * yield* pool.shutdown();
 */
export class ThreadPool {
  /** @internal */ private readonly _max: number;
  /** @internal */ private readonly _onCancel: CancelMode;
  /** @internal */ private readonly _slots = new Set<Slot>();
  /** @internal */ private readonly _idle: Slot[] = [];
  /** @internal */ private readonly _queue = new JobQueue();
  /** @internal */ private _alive = 0;
  /** @internal */ private _nextId = 1;
  /** @internal */ private _shutdown = false;
  /** @internal */ private readonly _loops = new Map<I.EventLoop, () => void>();
  /** @internal */ private readonly _waiters: I.Future<void>[] = [];
  /** @internal The loop whose default pool this is; its closing shuts the pool down. */
  _owner: I.EventLoop | null = null;

  constructor(options: ThreadPoolOptions = {}) {
    if (typeof options !== "object" || options === null) {
      throw new TypeError(`ThreadPool(options): options must be an object, got ${typeof options}`);
    }
    const max = options.maxWorkers ?? availableParallelism();
    if (typeof max !== "number" || !Number.isInteger(max) || max < 1) {
      throw new RangeError(
        `ThreadPool(options): maxWorkers must be a positive integer, got ${typeof max === "number" ? max : typeof max}`,
      );
    }
    this._max = max;
    this._onCancel = checkMode("ThreadPool(options)", options.onCancel) ?? "abandon";
  }

  /**
   * Schedules `module`'s export `name` to run on a worker with `args`; returns a future of its
   * result on the running loop. Cancelling the future follows the job's `onCancel`.
   *
   * @asyncio `loop.run_in_executor(executor, func, *args)`
   * @throws {@link RuntimeError} ("cannot schedule new futures after shutdown") once the pool is
   * shut down, or if no loop is running.
   * @throws {TypeError} if `module` is not a URL or absolute path of an existing file, `name` is
   * not a non-empty string, `args` is not an array, or an option is malformed. The future fails
   * with a `TypeError` if the module has no such function export, with the job's own error if it
   * throws, and with {@link WorkerCrashedError} if its worker dies.
   * @example
   * const fut = pool.submit(new URL("./fib.mjs", import.meta.url), "fib", [30]);
   * console.log(yield* fut);
   */
  submit<R = unknown>(
    module: string | URL,
    name: string,
    args: readonly unknown[] = NO_ARGS,
    options: JobOptions = {},
  ): I.Future<R> {
    return this._submit(
      "ThreadPool.submit(module, name, args, options)",
      module,
      name,
      args,
      options,
    );
  }

  /**
   * Runs `module`'s export `name` once per item (`fn(item)`) across the pool; returns the results
   * in the order of `items`. If one job fails, the jobs not finished yet are cancelled and its
   * error is thrown.
   *
   * @asyncio `concurrent.futures.Executor.map`
   * @throws everything {@link ThreadPool.submit} throws, and the first failing job's error.
   * @example
   * const sizes = yield* pool.map(new URL("./size.mjs", import.meta.url), "size", paths);
   */
  *map<R = unknown>(
    module: string | URL,
    name: string,
    items: Iterable<unknown>,
    options: JobOptions = {},
  ): I.Coroutine<R[]> {
    const where = "ThreadPool.map(module, name, items, options)";
    if (items === null || typeof (items as Iterable<unknown>)?.[Symbol.iterator] !== "function") {
      throw new TypeError(
        `${where}: items must be iterable, got ${items === null ? "null" : typeof items}`,
      );
    }
    const futures: I.Future<R>[] = [];
    const results: R[] = [];
    try {
      for (const item of items) futures.push(this._submit(where, module, name, [item], options));
      for (const fut of futures) results.push(yield* fut);
    } finally {
      if (results.length < futures.length) for (const fut of futures) fut.cancel();
    }
    return results;
  }

  /**
   * Stops the pool: new jobs are refused at once, queued jobs still run (unless `cancelFutures`),
   * and each worker exits when it has nothing left to do. `yield*` the result to wait until every
   * worker has exited; with `wait` false it returns at once.
   *
   * @asyncio `concurrent.futures.Executor.shutdown(wait, cancel_futures=...)`
   * @throws {TypeError} if `wait` is not a boolean.
   * @example
   * yield* pool.shutdown();                 // after every job, every worker gone
   * pool.shutdown(false, { cancelFutures: true }); // drop the queue, do not wait
   */
  shutdown(wait = true, options: { cancelFutures?: boolean } = {}): I.Coroutine<void> {
    if (typeof wait !== "boolean") {
      throw new TypeError(`ThreadPool.shutdown(wait): wait must be a boolean, got ${typeof wait}`);
    }
    this._shutdown = true;
    if (options.cancelFutures === true) {
      for (const job of [...this._queue.pending()]) {
        if (!job.loop.isClosed()) job.fut.cancel();
        this._drop(job);
      }
    }
    for (const slot of this._idle.splice(0)) this._kill(slot);
    this._checkFinished();
    return this._waitShutdown(wait);
  }

  /**
   * A snapshot of the pool, for tests and tools.
   *
   * @asyncio none (asyncio's executors expose no statistics)
   * @example
   * pool.statistics(); // { maxWorkers: 4, workers: 2, busy: 1, idle: 1, queued: 0, shutdown: false }
   */
  statistics(): ThreadPoolStatistics {
    let busy = 0;
    for (const slot of this._slots) if (slot.job !== null) busy++;
    return {
      maxWorkers: this._max,
      workers: this._alive,
      busy,
      idle: this._idle.length,
      queued: this._queue.size,
      shutdown: this._shutdown,
    };
  }

  /** @internal `submit` with the caller's name for error messages (`toThread` uses it too). */
  _submit<R>(
    where: string,
    module: string | URL,
    name: string,
    args: readonly unknown[],
    options: JobOptions,
  ): I.Future<R> {
    if (this._shutdown) throw new RuntimeError("cannot schedule new futures after shutdown");
    const href = moduleHref(where, module);
    checkName(where, name);
    if (!Array.isArray(args)) {
      throw new TypeError(
        `${where}: args must be an array of arguments, got ${args === null ? "null" : typeof args}`,
      );
    }
    if (typeof options !== "object" || options === null) {
      throw new TypeError(
        `${where}: options must be an object, got ${options === null ? "null" : typeof options}`,
      );
    }
    const transfer = options.transfer as TransferListItem[] | undefined;
    if (transfer !== undefined && !Array.isArray(transfer)) {
      throw new TypeError(`${where}: options.transfer must be an array, got ${typeof transfer}`);
    }
    const mode = checkMode(where, options.onCancel) ?? this._onCancel;
    const loop = getRunningLoop();
    // A worker first (starting one can throw), so that nothing below is left half made.
    let slot = this._idle.pop();
    slot?.worker.ref();
    if (slot === undefined && this._slots.size < this._max) slot = this._spawn();
    if (!this._loops.has(loop)) {
      this._loops.set(
        loop,
        loop.addCloseCallback(() => this._loopClosed(loop)),
      );
    }
    const label = `${name}() on a worker thread`;
    const fut = loop.createFuture<R>(label) as I.Future<unknown>;
    const job: Job = {
      id: this._nextId++,
      href,
      name,
      args,
      transfer,
      fut,
      loop,
      release: loop.trackExternal(label),
      terminate: mode === "terminate",
      slot: null,
      state: QUEUED,
    };
    fut.addDoneCallback(() => {
      if (fut.cancelled()) this._cancelled(job);
    });
    if (slot !== undefined) this._start(slot, job);
    else if (transfer !== undefined && transfer.length > 0) {
      // Move the transferred objects now, as a job that starts at once would, so the caller
      // never sees them still attached just because the pool was busy.
      try {
        const moved = structuredClone({ args, transfer }, { transfer });
        job.args = moved.args;
        job.transfer = moved.transfer;
        this._queue.push(job);
      } catch (error) {
        this._settle(job, false, error); // arguments that cannot be cloned, as in _start
      }
    } else this._queue.push(job);
    return fut as I.Future<R>;
  }

  /** @internal */ private *_waitShutdown(wait: boolean): I.Coroutine<void> {
    if (!wait || this._alive === 0) return;
    const loop = getRunningLoop();
    const fut = loop.createFuture<void>("ThreadPool.shutdown()");
    const release = loop.trackExternal("ThreadPool.shutdown()");
    this._waiters.push(fut);
    try {
      yield* fut;
    } finally {
      release();
      const i = this._waiters.indexOf(fut);
      if (i >= 0) this._waiters.splice(i, 1);
    }
  }

  /** @internal */ private _spawn(): Slot {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    const slot: Slot = { worker, job: null, killed: false, crash: undefined };
    this._slots.add(slot);
    this._alive++;
    worker.on("message", (msg: [number, number, unknown]) => this._message(slot, msg));
    worker.on("error", (error) => {
      slot.crash = error;
    });
    worker.on("exit", (code) => this._exited(slot, code));
    return slot;
  }

  /** @internal */ private _start(slot: Slot, job: Job): void {
    job.state = RUNNING;
    job.slot = slot;
    slot.job = job;
    const { args, transfer } = job;
    job.args = NO_ARGS;
    job.transfer = undefined;
    try {
      slot.worker.postMessage([job.id, job.href, job.name, args], transfer);
    } catch (error) {
      // Arguments that cannot be cloned (a function, a symbol): the job fails, the worker is fine.
      slot.job = null;
      job.slot = null;
      this._settle(job, false, error);
      this._next(slot);
    }
  }

  /** @internal */ private _message(slot: Slot, msg: [number, number, unknown]): void {
    const job = slot.job;
    // Only the worker program's own replies count (a job module could post to parentPort too).
    if (job === null || !Array.isArray(msg) || job.id !== msg[0]) return;
    slot.job = null;
    job.slot = null;
    if (job.state === RUNNING) {
      this._settle(job, msg[1] === 1, msg[1] === 1 ? msg[2] : rebuildError(msg[2] as Failure));
    } else job.state = DONE; // abandoned: nobody waits for this result any more
    this._next(slot);
  }

  /** @internal */ private _settle(job: Job, ok: boolean, value: unknown): void {
    job.state = DONE;
    this._release(job);
    const { fut } = job;
    if (fut.done() || job.loop.isClosed()) return;
    if (ok) fut.setResult(value);
    else fut.setException(value);
  }

  /** @internal */ private _release(job: Job): void {
    const release = job.release;
    if (release !== null) {
      job.release = null;
      release();
    }
  }

  /** @internal Gives a free worker the next queued job, or parks it (or ends it after shutdown). */
  private _next(slot: Slot): void {
    if (slot.killed) return;
    const job = this._queue.shift();
    if (job !== undefined) this._start(slot, job);
    else if (this._shutdown) {
      this._kill(slot);
      this._checkFinished();
    } else {
      // An idle worker does not keep the process alive; one with a job does.
      slot.worker.unref();
      this._idle.push(slot);
    }
  }

  /** @internal Takes a queued job out of the count; the queue skips it lazily. */
  private _drop(job: Job): void {
    this._queue.forget(job);
    this._release(job);
  }

  /** @internal */ private _cancelled(job: Job): void {
    if (job.state === QUEUED) {
      this._drop(job);
      this._checkFinished();
    } else if (job.state === RUNNING) {
      this._release(job);
      const slot = job.slot!;
      if (job.terminate) {
        job.state = DONE;
        slot.job = null;
        this._kill(slot);
        this._refill();
      } else job.state = ABANDONED;
    }
  }

  /** @internal Starts workers for queued jobs while there is room (after a kill or a crash). */
  private _refill(): void {
    while (this._slots.size < this._max) {
      const job = this._queue.shift();
      if (job === undefined) break;
      this._start(this._spawn(), job);
    }
    this._checkFinished();
  }

  /** @internal */ private _kill(slot: Slot): void {
    if (slot.killed) return;
    slot.killed = true;
    this._slots.delete(slot);
    const i = this._idle.indexOf(slot);
    if (i >= 0) this._idle.splice(i, 1);
    slot.worker.terminate().then(undefined, () => {});
  }

  /** @internal */ private _exited(slot: Slot, code: number): void {
    this._alive--;
    if (!slot.killed) {
      slot.killed = true;
      this._slots.delete(slot);
      const i = this._idle.indexOf(slot);
      if (i >= 0) this._idle.splice(i, 1);
      const job = slot.job;
      slot.job = null;
      if (job !== null && job.state === RUNNING) {
        const crash = slot.crash as { name?: unknown; message?: unknown } | undefined;
        const why = crash === undefined ? "" : `: ${String(crash.name)}: ${String(crash.message)}`;
        this._settle(
          job,
          false,
          new WorkerCrashedError(
            `the worker thread running ${job.name}() from ${job.href} exited with code ${code} before the job finished${why}; the pool replaces it`,
            code,
            crash === undefined ? undefined : { cause: crash },
          ),
        );
      }
      this._refill();
    }
    this._checkFinished();
  }

  /** @internal After shutdown, once the last worker has exited: wake the waiters, leave the loops. */
  private _checkFinished(): void {
    if (!this._shutdown || this._alive > 0 || this._queue.size > 0) return;
    for (const fut of this._waiters.splice(0)) {
      if (!fut.done() && !fut.getLoop().isClosed()) fut.setResult(undefined);
    }
    for (const forget of this._loops.values()) forget();
    this._loops.clear();
  }

  /** @internal The loop closed: its jobs can never be awaited again, so stop them and every idle worker. */
  private _loopClosed(loop: I.EventLoop): void {
    this._loops.delete(loop);
    for (const job of [...this._queue.pending()]) if (job.loop === loop) this._drop(job);
    for (const slot of [...this._slots]) {
      const job = slot.job;
      if (job !== null && job.loop === loop) {
        job.state = DONE;
        this._release(job);
        slot.job = null;
        this._kill(slot);
      }
    }
    if (this._owner === loop) this._shutdown = true;
    for (const slot of this._idle.splice(0)) this._kill(slot);
    this._refill();
  }
}
