// toThread and the loop's default pool: asyncio's `to_thread` and default executor.
import type { TransferListItem } from "node:worker_threads";
import * as I from "@corio/interfaces";
import type { CancelMode, JobOptions } from "./options.js";
import { ThreadPool } from "./pool.js";

const { getRunningLoop } = I;

/** One default pool per loop, made on first use and shut down when that loop closes. */
const defaults = new WeakMap<I.EventLoop, ThreadPool>();

/**
 * The running loop's default pool (`os.availableParallelism()` workers), made on first use. The
 * loop closing (the end of `run()`) terminates its workers, so none outlives the loop.
 *
 * @asyncio the loop's default executor (`loop.run_in_executor(None, ...)`)
 * @throws {@link RuntimeError} if no loop is running.
 * @example
 * defaultThreadPool().statistics().workers; // 0 until the first toThread()
 */
export function defaultThreadPool(): ThreadPool {
  const loop = getRunningLoop();
  let pool = defaults.get(loop);
  if (pool === undefined || pool.statistics().shutdown) {
    pool = new ThreadPool();
    pool._owner = loop;
    defaults.set(loop, pool);
  }
  return pool;
}

/**
 * Options for {@link toThread}: a job's options and the pool to run it on.
 *
 * @asyncio none: `to_thread` always uses the loop's default executor.
 * @example
 * yield* toThread(url, "resize", [image], { pool, transfer: [image.buffer] });
 */
export interface ToThreadOptions extends JobOptions {
  /** The pool to use; default {@link defaultThreadPool}. */
  pool?: ThreadPool;
  /** What cancelling the waiting task does while the job runs; default `"abandon"`. */
  onCancel?: CancelMode;
}

/**
 * Runs `module`'s function export `name` on a worker thread with `args` and waits for its result;
 * the loop keeps running other tasks meanwhile. A function cannot travel to another thread, so a
 * job names a module file and an export; arguments and the result are copied by structured clone
 * (list objects to move in `transfer`). An error thrown in the worker comes back with its type
 * name, message, stack and own properties.
 *
 * @asyncio `asyncio.to_thread(func, *args)`
 * @throws {TypeError} if `module` is not a URL or absolute path of an existing file, `name` is not
 * a non-empty string, `args` not an array, or the module has no function export `name`.
 * @throws the job's own error, rebuilt; {@link WorkerCrashedError} if its worker dies;
 * {@link CancelledError} if the waiting task is cancelled (see `onCancel`).
 * @throws {@link RuntimeError} if the pool was shut down, or no loop is running.
 * @example
 * const fib = new URL("./fib.mjs", import.meta.url); // export function fib(n) { ... }
 * const n = yield* toThread<number>(fib, "fib", [35]);
 */
export function* toThread<R = unknown>(
  module: string | URL,
  name: string,
  args: readonly unknown[] = [],
  options: ToThreadOptions = {},
): I.Coroutine<R> {
  const pool = options?.pool ?? defaultThreadPool();
  if (!(pool instanceof ThreadPool)) {
    throw new TypeError(
      `toThread(module, name, args, options): options.pool must be a ThreadPool, got ${typeof pool}`,
    );
  }
  return yield* pool._submit<R>(
    "toThread(module, name, args, options)",
    module,
    name,
    args,
    options,
  );
}

const TRANSFER: unique symbol = Symbol.for("@corio/threads/transfer") as never;

/** A job's result marked to be moved back rather than copied (what {@link withTransfer} makes). */
interface Transfer<T> {
  readonly [TRANSFER]: true;
  readonly value: T;
  readonly transfer: readonly TransferListItem[];
}

/**
 * Marks a job's return value so that the objects in `transfer` are moved back to the main thread
 * instead of copied; call it in the worker module. The main thread receives `value` itself.
 *
 * @asyncio none: threads in Python share memory.
 * @throws {TypeError} if `transfer` is not an array.
 * @example
 * // in work.mjs, run by a worker
 * export function render(w, h) {
 *   const pixels = new Uint8Array(w * h);
 *   return withTransfer(pixels, [pixels.buffer]);
 * }
 */
export function withTransfer<T>(value: T, transfer: readonly TransferListItem[]): T {
  if (!Array.isArray(transfer)) {
    throw new TypeError(
      `withTransfer(value, transfer): transfer must be an array, got ${typeof transfer}`,
    );
  }
  return { [TRANSFER]: true, value, transfer } as Transfer<T> as unknown as T;
}
