import {
  type Coroutine,
  type EventLoop,
  type FutureLike,
  isCoroutine,
  isFutureLike,
  type Operation,
  type Yielded,
} from "@corio/interfaces";
import { describeValue } from "./describe.js";

function* awaitOperation<T>(op: Operation<T>): Generator<Yielded, T, unknown> {
  return yield* op;
}

/** @internal True if `value` is a future bound to a loop (a lazy one, such as `sleep(ms)`, is not). */
export function isBoundFuture(value: unknown): value is FutureLike<unknown> {
  if (!isFutureLike(value)) return false;
  try {
    return value.getLoop() != null;
  } catch {
    return false;
  }
}

function isOperationLike(aw: unknown): boolean {
  return (
    typeof aw === "object" &&
    aw !== null &&
    !Array.isArray(aw) &&
    !(aw instanceof Map) &&
    !(aw instanceof Set) &&
    typeof (aw as Operation<unknown>)[Symbol.iterator] === "function"
  );
}

/**
 * @internal Checks that `aw` can be awaited: a coroutine, a future or task, or another operation.
 * @throws {TypeError} naming `where` if it cannot.
 */
export function checkAwaitable(aw: unknown, where: string): void {
  if (isCoroutine(aw) || isFutureLike(aw) || isOperationLike(aw)) return;
  const hint = Array.isArray(aw)
    ? " (pass the array to gatherAll(tasks), or spread it: gather(...tasks))"
    : typeof aw === "function"
      ? " (call the generator function: work(), not work)"
      : aw !== null && typeof (aw as PromiseLike<unknown>)?.then === "function"
        ? " (wrap a promise with fromPromise(promise))"
        : "";
  throw new TypeError(
    `${where} must be a coroutine, a future, a task or another operation, got ${describeValue(aw)}${hint}`,
  );
}

/**
 * @internal The future standing for `aw`, as asyncio's `ensure_future`: a future or task bound to
 * a loop is used as it is; a coroutine is wrapped in a task; any other operation (a lazy future
 * such as `sleep(ms)`, an object with `[Symbol.iterator]`) is awaited by a new task.
 * @throws {TypeError} naming `where` if `aw` is not awaitable.
 */
export function ensureFuture(aw: unknown, loop: EventLoop, where: string): FutureLike<unknown> {
  checkAwaitable(aw, where);
  // A future is its own iterator, so it looks like a generator too: test for futures first.
  if (isBoundFuture(aw)) return aw;
  return wrapAwaitable(aw, loop);
}

/**
 * @internal The task that runs an awaitable already checked with `checkAwaitable` and known not to
 * be a bound future.
 */
export function wrapAwaitable(aw: unknown, loop: EventLoop): FutureLike<unknown> {
  if (isCoroutine(aw) && !isFutureLike(aw)) return loop.createTask(aw as Coroutine<unknown>);
  return loop.createTask(awaitOperation(aw as Operation<unknown>));
}
