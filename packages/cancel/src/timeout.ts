/**
 * Timeout scopes.
 *
 * How it works (asyncio 3.11+ `Timeout`): entering records the task and its `cancelling()` count
 * and arms a timer. When the deadline passes, the timer cancels the task (one more cancellation
 * request) and marks the scope as expiring. When the block ends, the scope withdraws that request
 * with `uncancel()`; only if no other request is left above the count it recorded, and the block
 * ended with a `CancelledError`, does it turn that error into a `TimeoutError`. So a cancellation
 * from outside, or from an outer timeout that expired too, still propagates as `CancelledError`.
 */
import {
  type Coroutine,
  getRunningLoop,
  type Handle,
  isCancelledError,
  type Operation,
  RuntimeError,
  type TaskLike,
  TimeoutError,
  type Yielded,
} from "@corio/interfaces";
import { checkMilliseconds } from "@corio/internal";
import { cancelTaskFrom, ScopeSignal } from "./scope-signal.js";
import { callBody, checkBody, requireTask } from "./util.js";

type State = "created" | "active" | "expiring" | "expired" | "finished";

/**
 * A deadline around a block of coroutine code, given to the block by {@link timeout} and
 * {@link timeoutAt}. When the deadline passes, the block is cancelled where it waits and the
 * scope throws `TimeoutError` in place of the `CancelledError`.
 *
 * @asyncio `asyncio.Timeout`
 * @example
 * yield* timeout(1000, function* (scope) {
 *   yield* step1();
 *   scope.reschedule(scope.when()! + 500); // half a second more for step 2
 *   yield* step2();
 * });
 */
export class Timeout {
  /** @internal */ private _state: State = "created";
  /** @internal */ private _when: number | null;
  /** @internal */ private _handle: Handle | null = null;
  /** @internal */ private _task: TaskLike<unknown> | null = null;
  /** @internal */ private _cancelling = 0;
  /** @internal */ private readonly _signal = new ScopeSignal();

  /** @internal Use {@link timeout} or {@link timeoutAt}. */
  constructor(when: number | null) {
    this._when = when;
  }

  /**
   * The deadline, in loop time (ms), or `null` if there is none.
   *
   * @asyncio `Timeout.when`
   */
  when(): number | null {
    return this._when;
  }

  /**
   * Moves the deadline to loop time `when` (ms); `null` removes it. A time already past expires on
   * the next loop iteration.
   *
   * @asyncio `Timeout.reschedule`
   * @throws {TypeError} if `when` is not a number or null.
   * @throws {RangeError} if `when` is NaN.
   * @throws {@link RuntimeError} if the scope is not active (its block has not started, has
   * finished, or the deadline has already passed).
   * @example
   * scope.reschedule(getRunningLoop().time() + 5000);
   */
  reschedule(when: number | null): void {
    const checked = checkMilliseconds("Timeout.reschedule(when): when", when);
    if (this._state !== "active") {
      if (this._state === "created") throw new RuntimeError("Timeout has not been entered");
      throw new RuntimeError(`Cannot change state of ${this._state} Timeout`);
    }
    this._when = checked === null && when !== null && when !== undefined ? when : checked;
    this._handle?.cancel();
    if (checked === null) {
      this._handle = null;
      return;
    }
    const loop = getRunningLoop();
    this._handle =
      checked <= loop.time()
        ? loop.callSoon(() => this._onTimeout())
        : loop.callAt(checked, () => this._onTimeout());
  }

  /**
   * Tells whether the deadline passed while the block ran.
   *
   * @asyncio `Timeout.expired`
   */
  expired(): boolean {
    return this._state === "expiring" || this._state === "expired";
  }

  /**
   * An `AbortSignal` that aborts when the block is being cancelled: with a `TimeoutError` as
   * reason when the deadline passes, or with the reason of a scope around this one that cancels
   * its block, or with a `CancelledError` when the task is cancelled from outside. (The last one
   * relies on `task.signal`, which aborts only once: after a deadline inside the task has fired,
   * later outside cancellations are not seen.) Hand it to APIs that take a signal.
   *
   * @example
   * yield* timeout(5000, function* (scope) {
   *   return yield* fromPromise(fetch(url, { signal: scope.signal }));
   * });
   */
  get signal(): AbortSignal {
    return this._signal.signal;
  }

  /** @internal */
  _isActive(): boolean {
    return this._state === "active";
  }

  toString(): string {
    return `<Timeout [${this._state}]${this._state === "active" ? ` when=${this._when}` : ""}>`;
  }

  /** @internal Enters the scope in the current task. */
  _enter(): void {
    if (this._state !== "created") throw new RuntimeError("Timeout has already been entered");
    const task = requireTask("timeout()");
    this._state = "active";
    this._task = task;
    this._cancelling = task.cancelling();
    this._signal.enter(task);
    this.reschedule(this._when);
  }

  /** @internal Leaves the scope; throws the `TimeoutError` when this scope's deadline caused the error. */
  _exit(hasError: boolean, error: unknown): void {
    this._handle?.cancel();
    this._handle = null;
    this._signal.exit();
    if (this._state === "expiring") {
      this._state = "expired";
      if (this._task!.uncancel() <= this._cancelling && hasError && isCancelledError(error)) {
        throw new TimeoutError("the timeout expired", { cause: error });
      }
    } else if (this._state === "active") {
      this._state = "finished";
    }
  }

  /** @internal */ private _onTimeout(): void {
    if (this._state !== "active") return;
    this._state = "expiring";
    this._handle = null;
    // The signal first, so scopes inside see the TimeoutError as reason.
    this._signal.abort(new TimeoutError("the timeout expired"));
    cancelTaskFrom(this._signal, this._task!);
  }

  /** @internal Runs `body` inside the scope. */
  *_run<T>(
    where: string,
    body: (scope: Timeout) => Operation<T> | void,
  ): Generator<Yielded, T, unknown> {
    this._enter();
    let value: T;
    try {
      value = yield* callBody(where, body, this);
    } catch (error) {
      this._exit(true, error);
      throw error;
    }
    this._exit(false, undefined);
    return value;
  }
}

// `scope[Symbol.asyncDispose]()`, where the host has the symbol: removes the deadline of an
// active scope, so no timer outlives it. (Node 20 has the symbol but not the `await using` syntax.)
const asyncDispose = (Symbol as { asyncDispose?: symbol }).asyncDispose;
if (typeof asyncDispose === "symbol") {
  Object.defineProperty(Timeout.prototype, asyncDispose, {
    configurable: true,
    writable: true,
    value(this: Timeout): Promise<void> {
      if (this._isActive()) this.reschedule(null);
      return Promise.resolve();
    },
  });
}

/**
 * Runs the block `body` with a deadline `ms` milliseconds from now: if the block is still running
 * then, it is cancelled where it waits (its `finally` blocks run) and `TimeoutError` is thrown in
 * place of the `CancelledError`. Returns the block's value. `ms` of `null`/`undefined` (or
 * `Infinity`) sets no deadline (it can be set later with `scope.reschedule`); 0 or less expires on
 * the next loop iteration. Nested scopes work as in asyncio 3.11+: only the scope whose deadline
 * passed throws `TimeoutError`, and a cancellation from outside is never turned into one. The
 * block is a generator function (or a plain function, when it never waits).
 *
 * @asyncio `async with asyncio.timeout(delay) as scope:` (delay in seconds)
 * @throws {TypeError} (at once) if `ms` is not a number/null/undefined, or `body` is not a
 * function.
 * @throws {RangeError} (at once) if `ms` is NaN.
 * @throws {@link RuntimeError} (at once) if no loop is running; when awaited, if not in a task.
 * @throws {@link TimeoutError} if the deadline passed and the block ended with the cancellation
 * (the `CancelledError` is its `cause`).
 * @throws {@link CancelledError} if the task was cancelled by someone else.
 * @throws whatever the block throws.
 * @example
 * const page = yield* timeout(5000, function* () {
 *   return yield* fetchPage(url);
 * });
 */
export function timeout<T>(
  ms: number | null | undefined,
  body: (scope: Timeout) => Operation<T> | void,
): Coroutine<T> {
  const delay = checkMilliseconds("timeout(ms): ms", ms);
  checkBody("timeout(ms, body): body", body);
  const loop = getRunningLoop();
  const when =
    delay === null
      ? ms === Number.POSITIVE_INFINITY
        ? Number.POSITIVE_INFINITY
        : null
      : loop.time() + delay;
  return new Timeout(when)._run("timeout(ms, body): body", body);
}

/**
 * Like {@link timeout}, with an absolute deadline in loop time (ms, as `loop.time()` counts).
 *
 * @asyncio `async with asyncio.timeout_at(when) as scope:`
 * @throws {TypeError} (at once) if `when` is not a number/null/undefined, or `body` is not a
 * function.
 * @throws {RangeError} (at once) if `when` is NaN.
 * @throws {@link RuntimeError} when awaited outside a task.
 * @throws {@link TimeoutError} if the deadline passed and the block ended with the cancellation.
 * @throws {@link CancelledError} if the task was cancelled by someone else.
 * @example
 * const deadline = getRunningLoop().time() + 10_000;
 * yield* timeoutAt(deadline, function* () { yield* stepOne(); });
 * yield* timeoutAt(deadline, function* () { yield* stepTwo(); }); // same deadline
 */
export function timeoutAt<T>(
  when: number | null | undefined,
  body: (scope: Timeout) => Operation<T> | void,
): Coroutine<T> {
  const checked = checkMilliseconds("timeoutAt(when): when", when);
  checkBody("timeoutAt(when, body): body", body);
  return new Timeout(checked === null && typeof when === "number" ? when : checked)._run(
    "timeoutAt(when, body): body",
    body,
  );
}
