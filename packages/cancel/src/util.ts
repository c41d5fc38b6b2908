import {
  type Coroutine,
  describeValue,
  type EventLoop,
  type FutureLike,
  getRunningLoop,
  isCoroutine,
  isFutureLike,
  type Operation,
  RuntimeError,
  type TaskLike,
  type Yielded,
} from "@corio/interfaces";

export { describeValue };

/**
 * @internal Checks a duration or deadline: `null`/`undefined` mean none and give `null`;
 * `Infinity` also means none; any other number is kept (a past one expires at once).
 */
export function checkTime(where: string, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number") {
    throw new TypeError(
      `${where} must be a number of milliseconds, null or undefined, got ${describeValue(value)}`,
    );
  }
  if (Number.isNaN(value)) throw new RangeError(`${where} must be a number, got NaN`);
  return value === Number.POSITIVE_INFINITY ? null : value;
}

/** @internal Checks a block argument: a function returning the operation to run. */
export function checkBody(where: string, body: unknown): void {
  if (typeof body !== "function") {
    throw new TypeError(
      `${where} must be a function returning an operation (such as function* () { … }), got ${describeValue(body)}`,
    );
  }
}

const NOTHING: Operation<undefined> = {
  [Symbol.iterator]: () => ({ next: () => ({ value: undefined, done: true }) }),
};

/**
 * @internal Runs a block function and checks that it gave something to `yield*`. A block that
 * never waits may be a plain function returning nothing.
 */
export function callBody<S, T>(
  where: string,
  body: (scope: S) => Operation<T> | undefined | void,
  scope: S,
): Operation<T> {
  const op = body(scope);
  if (op === undefined) return NOTHING as Operation<T>;
  if (op === null || typeof op !== "object" || typeof op[Symbol.iterator] !== "function") {
    throw new TypeError(
      `${where} must return an operation (write the block as function* () { … }) or nothing, got ${describeValue(op)}`,
    );
  }
  return op;
}

/** @internal The task running now. @throws {@link RuntimeError} outside a task. */
export function requireTask(what: string): TaskLike<unknown> {
  const task = getRunningLoop().currentTask();
  if (task === null) throw new RuntimeError(`${what} must be used inside a task`);
  return task;
}

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

/** @internal Checks that `aw` can be awaited. @throws {TypeError} naming `where`. */
export function checkAwaitable(aw: unknown, where: string): void {
  if (
    typeof aw === "object" &&
    aw !== null &&
    !Array.isArray(aw) &&
    typeof (aw as Operation<unknown>)[Symbol.iterator] === "function"
  ) {
    return;
  }
  const hint =
    typeof aw === "function"
      ? " (call the generator function: work(), not work)"
      : aw !== null && typeof (aw as PromiseLike<unknown>)?.then === "function"
        ? " (wrap a promise with fromPromise(promise))"
        : "";
  throw new TypeError(
    `${where} must be a coroutine, a future, a task or another operation, got ${describeValue(aw)}${hint}`,
  );
}

/**
 * @internal asyncio's `ensure_future`: a bound future is used as it is, a coroutine or another
 * operation is run by a new task.
 */
export function ensureFuture<T>(aw: Operation<T>, loop: EventLoop): FutureLike<T> {
  if (isBoundFuture(aw)) return aw as FutureLike<T>;
  if (isCoroutine(aw) && !isFutureLike(aw)) return loop.createTask(aw as Coroutine<T>);
  return loop.createTask(awaitOperation(aw));
}

/** @internal The cancel message for an abort reason. */
export function messageOf(reason: unknown): string | undefined {
  if (reason === undefined) return undefined;
  if (reason instanceof Error) return reason.message;
  return String(reason);
}

/** @internal Checks an `AbortSignal` argument. */
export function checkSignal(where: string, signal: unknown): asserts signal is AbortSignal {
  if (
    signal === null ||
    typeof signal !== "object" ||
    typeof (signal as AbortSignal).aborted !== "boolean" ||
    typeof (signal as AbortSignal).addEventListener !== "function"
  ) {
    throw new TypeError(`${where} must be an AbortSignal, got ${describeValue(signal)}`);
  }
}
