import {
  type Coroutine,
  describeValue,
  type FutureLike,
  getRunningLoop,
  isCoroutine,
  isFutureLike,
  type TimerHandle,
  type Yielded,
} from "@corio/interfaces";
import { checkMilliseconds, isBoundFuture } from "@corio/internal";

/**
 * `wait` returns as soon as any future is done or cancelled.
 *
 * @asyncio `asyncio.FIRST_COMPLETED`
 *
 * @example
 * const { done } = yield* wait(tasks, { returnWhen: FIRST_COMPLETED });
 */
export const FIRST_COMPLETED = "FIRST_COMPLETED";
/**
 * `wait` returns as soon as any future finishes with an error, or when all are done.
 *
 * @asyncio `asyncio.FIRST_EXCEPTION`
 *
 * @example
 * const { done, pending } = yield* wait(tasks, { returnWhen: FIRST_EXCEPTION });
 */
export const FIRST_EXCEPTION = "FIRST_EXCEPTION";
/**
 * `wait` returns when every future is done (the default).
 *
 * @asyncio `asyncio.ALL_COMPLETED`
 *
 * @example
 * const { done } = yield* wait(tasks, { returnWhen: ALL_COMPLETED, timeout: 5000 });
 */
export const ALL_COMPLETED = "ALL_COMPLETED";

/**
 * When {@link wait} returns.
 *
 * @asyncio the `return_when` values of `asyncio.wait`
 *
 * @example
 * const when: ReturnWhen = FIRST_COMPLETED;
 */
export type ReturnWhen = typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;

const RETURN_WHEN: readonly string[] = [FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED];

/**
 * Options for {@link wait}.
 *
 * @asyncio the `timeout` and `return_when` keywords of `asyncio.wait`
 *
 * @example
 * const { done, pending } = yield* wait(tasks, { timeout: 1000 });
 */
export interface WaitOptions {
  /** When to return; default {@link ALL_COMPLETED}. */
  returnWhen?: ReturnWhen;
  /**
   * Milliseconds to wait at most; `null`/`undefined` waits without limit. On timeout, `wait`
   * returns (it does not throw); a timeout of 0 or less returns after one loop iteration.
   */
  timeout?: number | null;
}

/**
 * What {@link wait} returns: the futures done and those still pending.
 *
 * @asyncio the `(done, pending)` pair of `asyncio.wait`
 *
 * @example
 * const { done, pending } = yield* wait(tasks, { returnWhen: FIRST_COMPLETED });
 * for (const task of pending) task.cancel();
 */
export interface WaitResult<F> {
  done: Set<F>;
  pending: Set<F>;
}

/**
 * Waits until some or all of the given futures and tasks are done, and returns which are done
 * and which are not. It never cancels the pending ones and never throws their errors: look at
 * each future's `result()` or `exception()`.
 *
 * Coroutines are refused (as in asyncio 3.11+): wrap them with `createTask` first, so that you
 * can recognise them in the returned sets. Duplicates count once.
 *
 * @asyncio `asyncio.wait(fs, timeout=None, return_when=ALL_COMPLETED)`
 * @throws {TypeError} (at once) if `aws` is not an iterable of futures, is empty, holds a
 * coroutine (naming its position), or if `returnWhen` is not one of `"FIRST_COMPLETED"`,
 * `"FIRST_EXCEPTION"`, `"ALL_COMPLETED"`, or `timeout` is not a number.
 * @throws {RangeError} (at once) if `timeout` is NaN.
 * @throws {@link CancelledError} if the waiting task is cancelled (the futures are not).
 * @example
 * const { done, pending } = yield* wait([t1, t2, t3], { returnWhen: FIRST_COMPLETED });
 * for (const t of pending) t.cancel();
 */
export function wait<F extends FutureLike<unknown>>(
  aws: Iterable<F>,
  options: WaitOptions = {},
): Coroutine<WaitResult<F>> {
  if (
    aws === null ||
    typeof aws !== "object" ||
    isFutureLike(aws) ||
    isCoroutine(aws) ||
    typeof (aws as Iterable<F>)[Symbol.iterator] !== "function"
  ) {
    throw new TypeError(
      `wait(aws): aws must be an iterable (an array or a set) of futures or tasks, got ${describeValue(aws)}`,
    );
  }
  if (options === null || typeof options !== "object") {
    throw new TypeError(
      `wait(aws, options): options must be an object, got ${describeValue(options)}`,
    );
  }
  const returnWhen = options.returnWhen ?? ALL_COMPLETED;
  if (!RETURN_WHEN.includes(returnWhen)) {
    throw new TypeError(
      `wait(aws, options): options.returnWhen must be "FIRST_COMPLETED", "FIRST_EXCEPTION" or "ALL_COMPLETED", got ${describeValue(returnWhen)}`,
    );
  }
  const timeout = checkMilliseconds("wait(aws, options): options.timeout", options.timeout);
  const fs = new Set<F>();
  let i = 0;
  for (const f of aws) {
    if (isCoroutine(f) && !isFutureLike(f)) {
      throw new TypeError(
        `wait(aws): aws[${i}] is a coroutine; wrap it with createTask(...) so it can be found in done/pending`,
      );
    }
    if (!isBoundFuture(f)) {
      throw new TypeError(
        `wait(aws): aws[${i}] must be a future or a task${isFutureLike(f) ? " bound to a loop (wrap lazy operations such as sleep() with createTask)" : ""}, got ${describeValue(f)}`,
      );
    }
    fs.add(f);
    i++;
  }
  if (fs.size === 0) {
    throw new TypeError("wait(aws): aws must hold at least one future or task, got none");
  }
  return waitImpl(fs, timeout, returnWhen);
}

function* waitImpl<F extends FutureLike<unknown>>(
  fs: Set<F>,
  timeout: number | null,
  returnWhen: string,
): Generator<Yielded, WaitResult<F>, unknown> {
  const loop = getRunningLoop();
  const waiter = loop.createFuture<void>("wait()");
  let timeoutHandle: TimerHandle | null = null;
  if (timeout !== null) {
    timeoutHandle = loop.callLater(timeout, () => {
      if (!waiter.done()) waiter.setResult(undefined);
    });
  }
  let counter = fs.size;
  const onCompletion = (f: FutureLike<unknown>): void => {
    counter--;
    if (
      counter <= 0 ||
      returnWhen === FIRST_COMPLETED ||
      (returnWhen === FIRST_EXCEPTION && !f.cancelled() && f.exception() !== null)
    ) {
      timeoutHandle?.cancel();
      if (!waiter.done()) waiter.setResult(undefined);
    }
  };
  for (const f of fs) f.addDoneCallback(onCompletion);
  try {
    yield* waiter;
  } finally {
    timeoutHandle?.cancel();
    for (const f of fs) f.removeDoneCallback(onCompletion);
  }
  const done = new Set<F>();
  const pending = new Set<F>();
  for (const f of fs) (f.done() ? done : pending).add(f);
  return { done, pending };
}
