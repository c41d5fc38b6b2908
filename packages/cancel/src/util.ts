/**
 * Argument checks and helpers the cancellation scopes share (awaitable coercion and durations come
 * from @corio/internal, shared with gather and task).
 */
import {
  describeValue,
  getRunningLoop,
  type Operation,
  RuntimeError,
  type TaskLike,
} from "@corio/interfaces";

export { describeValue };

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
