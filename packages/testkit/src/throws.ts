/**
 * Assertions that a call, a coroutine or a promise throws: they return the error so a test can look
 * at it further, and fail when nothing is thrown or the error is of the wrong class. They replace
 * the `try { ... } catch (e) { expect(e) ... }` pattern, which passes silently when nothing throws.
 */
import type { Coroutine, Operation } from "@corio/interfaces";

/**
 * A class of errors to expect: any constructor, matched with `instanceof`.
 *
 * @asyncio the exception class given to `assertRaises`
 * @example
 * const err = expectThrows(() => q.taskDone(), InvalidStateError); // ErrorClass<InvalidStateError>
 */
export type ErrorClass<E> = abstract new (...args: any[]) => E;

function describeValue(v: unknown): string {
  if (v instanceof Error) return `${v.name}(${JSON.stringify(v.message)})`;
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "function") return `function ${v.name || "(anonymous)"}`;
  if (typeof v === "object" && v !== null) {
    const name = (v as object).constructor?.name ?? "Object";
    try {
      return `${name} ${JSON.stringify(v)}`;
    } catch {
      return name;
    }
  }
  return String(v);
}

function checkClass(fn: string, errorClass: unknown): void {
  if (errorClass !== undefined && typeof errorClass !== "function") {
    throw new TypeError(
      `${fn}: errorClass must be an error class (a constructor) or undefined, got ${typeof errorClass}`,
    );
  }
}

function checkError<E>(
  fn: string,
  what: string,
  error: unknown,
  errorClass: ErrorClass<E> | undefined,
): E {
  if (errorClass === undefined || error instanceof errorClass) return error as E;
  const failure = new Error(
    `${fn}: expected ${what} to throw ${errorClass.name}, but it threw ${describeValue(error)}`,
  );
  (failure as Error & { cause?: unknown }).cause = error;
  throw failure;
}

function noThrow(fn: string, what: string, errorClass: unknown, value: unknown): Error {
  const expected = typeof errorClass === "function" ? errorClass.name : "an error";
  return new Error(
    `${fn}: expected ${what} to throw ${expected}, but it returned ${describeValue(value)}`,
  );
}

/**
 * Calls `fn` and returns what it throws; throws an assertion `Error` (failing the test) if `fn`
 * returns normally or throws something that is not an instance of `errorClass`.
 *
 * @asyncio none: a testing helper (pytest's `raises`).
 * @throws {Error} when `fn` does not throw, or throws an error of another class (the wrong error is
 * the `cause`).
 * @throws {TypeError} if `fn` is not a function or `errorClass` is not a constructor.
 * @example
 * const err = expectThrows(() => q.taskDone(), InvalidStateError);
 * expect(err.message).toMatch(/taskDone\(\) called too many times/);
 */
export function expectThrows<E = unknown>(fn: () => unknown, errorClass?: ErrorClass<E>): E {
  const name = "expectThrows(fn, errorClass)";
  if (typeof fn !== "function") {
    throw new TypeError(`${name}: fn must be a function, got ${typeof fn}`);
  }
  checkClass(name, errorClass);
  let value: unknown;
  try {
    value = fn();
  } catch (error) {
    return checkError(name, "fn", error, errorClass);
  }
  throw noThrow(name, "fn", errorClass, value);
}

/**
 * The coroutine twin of {@link expectThrows}: waits for `operation` (a coroutine, task, future, or
 * a function making one) with `yield*` and returns what it throws; throws an assertion `Error` if
 * it finishes normally or throws something that is not an instance of `errorClass`.
 *
 * Expecting a `CancelledError` of the task itself leaves the task's cancellation request pending,
 * exactly as a `catch` would: call `currentTask()!.uncancel()` if the test goes on.
 *
 * @asyncio none: a testing helper (pytest's `raises` around an `await`).
 * @throws {Error} when `operation` does not throw, or throws an error of another class.
 * @throws {TypeError} if `operation` is not awaitable with `yield*` or `errorClass` is not a
 * constructor.
 * @example
 * const err = yield* expectRaises(waitFor(work(), 100), TimeoutError);
 * expect(getRunningLoop().time()).toBe(100);
 */
export function expectRaises<E = unknown>(
  operation: Operation<unknown> | (() => Operation<unknown>),
  errorClass?: ErrorClass<E>,
): Coroutine<E> {
  const name = "expectRaises(operation, errorClass)";
  const op = typeof operation === "function" ? operation() : operation;
  if (
    typeof op !== "object" ||
    op === null ||
    typeof (op as Operation<unknown>)[Symbol.iterator] !== "function"
  ) {
    throw new TypeError(
      `${name}: operation must be a coroutine, a future or a function returning one, got ${describeValue(op)}`,
    );
  }
  checkClass(name, errorClass);
  return raises(name, op, errorClass);
}

function* raises<E>(
  name: string,
  op: Operation<unknown>,
  errorClass: ErrorClass<E> | undefined,
): Coroutine<E> {
  let value: unknown;
  try {
    value = yield* op;
  } catch (error) {
    return checkError(name, "operation", error, errorClass);
  }
  throw noThrow(name, "operation", errorClass, value);
}

/**
 * The promise twin of {@link expectThrows}: awaits `promise` (or the promise `fn` returns) and
 * resolves to the error it rejects with; rejects with an assertion `Error` if it fulfils or rejects
 * with something that is not an instance of `errorClass`. A function that throws synchronously
 * counts as rejecting.
 *
 * @asyncio none: a testing helper (pytest's `raises` around an `await`).
 * @throws {Error} (as a rejection) when the promise fulfils, or rejects with another class.
 * @throws {TypeError} (as a rejection) if the argument is neither a promise nor a function.
 * @example
 * const err = await expectRejects(run(main), DeadlockError);
 * expect(err.message).toMatch(/stuck/);
 */
export async function expectRejects<E = unknown>(
  promise: PromiseLike<unknown> | (() => unknown),
  errorClass?: ErrorClass<E>,
): Promise<E> {
  const name = "expectRejects(promise, errorClass)";
  if (
    typeof promise !== "function" &&
    (typeof promise !== "object" || promise === null || typeof promise.then !== "function")
  ) {
    throw new TypeError(
      `${name}: promise must be a promise or a function returning one, got ${describeValue(promise)}`,
    );
  }
  checkClass(name, errorClass);
  let value: unknown;
  try {
    value = await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    return checkError(name, "the promise", error, errorClass);
  }
  throw noThrow(name, "the promise", errorClass, value);
}
