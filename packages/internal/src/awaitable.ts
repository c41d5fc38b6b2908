/**
 * Awaitable coercion, one copy for every package that accepts "something to wait on": gather,
 * asCompleted, wait, shield, waitFor, and the task's own checks. Each bad value gets the same
 * TypeError, naming the argument, saying what was expected, and hinting at the usual mistake (a
 * generator function not called, a promise, an array).
 *
 * @internal
 */
import {
  type Coroutine,
  describeValue,
  type EventLoop,
  type FutureLike,
  isCoroutine,
  isFutureLike,
  type Operation,
  type Yielded,
} from "@corio/interfaces";

/** True if `value` is a future bound to a loop (a lazy one, such as `sleep(ms)`, is not). */
export function isBoundFuture(value: unknown): value is FutureLike<unknown> {
  if (!isFutureLike(value)) return false;
  try {
    return value.getLoop() != null;
  } catch {
    return false;
  }
}

/**
 * True if `value` can be awaited with `yield*`: a coroutine, a future or task, or another object
 * with `[Symbol.iterator]`. Arrays, Maps and Sets are iterable too, but never operations.
 */
export function isAwaitable(value: unknown): value is Operation<unknown> {
  if (isCoroutine(value) || isFutureLike(value)) return true;
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Operation<unknown>)[Symbol.iterator] === "function" &&
    !Array.isArray(value) &&
    !(value instanceof Map) &&
    !(value instanceof Set)
  );
}

/**
 * The usual mistake behind a bad awaitable, as a parenthesised hint, or "". `where` starts with
 * the call that got it ("gather(...aws): …"), which the hint for an uncalled function shows.
 */
function hint(value: unknown, where: string): string {
  if (Array.isArray(value)) {
    return " (to wait for an array of operations, pass the array to gatherAll(tasks), or spread it: gather(...tasks))";
  }
  if (typeof value === "function") {
    const callee = where.slice(0, Math.max(0, where.indexOf("(")));
    const name = value.name || "work";
    const call = (arg: string) => (callee === "" ? arg : `${callee}(${arg})`);
    return ` (call the generator function: ${call(`${name}()`)}, not ${call(name)})`;
  }
  if (
    typeof value === "object" &&
    value !== null &&
    typeof (value as PromiseLike<unknown>).then === "function"
  ) {
    return " (wrap a promise with fromPromise(promise))";
  }
  return "";
}

/**
 * Checks that `value` can be awaited.
 * @throws {TypeError} `${where} must be a coroutine, a future, a task or another operation, got …`
 */
export function checkAwaitable(value: unknown, where: string): void {
  if (isAwaitable(value)) return;
  throw new TypeError(
    `${where} must be a coroutine, a future, a task or another operation, got ${describeValue(value)}${hint(value, where)}`,
  );
}

/**
 * Checks that `value` is a coroutine (a generator object), as a task needs; `also` names what
 * else the caller accepts ("or a generator function").
 * @throws {TypeError} `${where} must be a generator object…, got …`
 */
export function checkCoroutine(value: unknown, where: string, also = ""): void {
  if (isCoroutine(value)) return;
  throw new TypeError(
    `${where} must be a generator object${also}, got ${describeValue(value)}${hint(value, where)}`,
  );
}

function* awaitOperation<T>(op: Operation<T>): Generator<Yielded, T, unknown> {
  return yield* op;
}

/**
 * The future standing for `aw`, as asyncio's `ensure_future`: a future or task bound to a loop is
 * used as it is; a coroutine is wrapped in a task; any other operation (a lazy future such as
 * `sleep(ms)`, an object with `[Symbol.iterator]`) is awaited by a new task.
 * @throws {TypeError} naming `where` if `aw` is not awaitable.
 */
export function ensureFuture<T = unknown>(
  aw: unknown,
  loop: EventLoop,
  where: string,
): FutureLike<T> {
  checkAwaitable(aw, where);
  // A future is its own iterator, so it looks like a generator too: test for futures first.
  if (isBoundFuture(aw)) return aw as FutureLike<T>;
  return wrapAwaitable<T>(aw, loop);
}

/** The task that runs `aw`, already checked with `checkAwaitable` and not a bound future. */
export function wrapAwaitable<T = unknown>(aw: unknown, loop: EventLoop): FutureLike<T> {
  if (isCoroutine(aw) && !isFutureLike(aw)) return loop.createTask(aw as Coroutine<T>);
  return loop.createTask(awaitOperation(aw as Operation<T>));
}

/**
 * Checks a duration or deadline in milliseconds: `null`/`undefined` (and `Infinity`) mean none
 * and give `null`; any other number is kept (a negative or past one expires at once, as in
 * asyncio).
 * @throws {TypeError} if `value` is not a number; {RangeError} if it is NaN.
 */
export function checkMilliseconds(where: string, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number") {
    throw new TypeError(
      `${where} must be a number of milliseconds, null or undefined, got ${describeValue(value)}`,
    );
  }
  if (Number.isNaN(value)) {
    throw new RangeError(`${where} must be a number of milliseconds, got NaN`);
  }
  return value === Number.POSITIVE_INFINITY ? null : value;
}
