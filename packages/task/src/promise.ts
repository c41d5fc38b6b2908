// fromPromise: waiting, inside a coroutine, for a promise that settles outside the loop.
import { CancelledError, getRunningLoop, type Yielded } from "@corio/interfaces";

/**
 * Waits, inside a coroutine, for a promise or an async function.
 *
 * Given a function that declares a parameter, it is called with an `AbortSignal` that aborts when
 * the wait is cancelled (the task was cancelled, or a timeout fired), so
 * `fromPromise((signal) => fetch(url, { signal }))` really stops the request. The signal is made
 * only for such functions. While the promise is pending the loop knows something outside it is
 * still running: a virtual clock does not jump past it.
 *
 * @asyncio `asyncio.wrap_future` / awaiting a foreign awaitable
 * @throws {TypeError} if `source` is neither a thenable nor a function.
 * @throws whatever the promise rejects with; {@link CancelledError} if the wait is cancelled.
 * @example
 * const res = yield* fromPromise((signal) => fetch("/api", { signal }));
 * const text = yield* fromPromise(res.text());
 */
export function* fromPromise<T>(
  source: PromiseLike<T> | (() => PromiseLike<T>) | ((signal: AbortSignal) => PromiseLike<T>),
): Generator<Yielded, T, unknown> {
  const loop = getRunningLoop();
  let controller: AbortController | null = null;
  let promise: PromiseLike<T>;
  if (typeof source === "function") {
    if (source.length > 0) {
      controller = new AbortController();
      promise = (source as (signal: AbortSignal) => PromiseLike<T>)(controller.signal);
    } else {
      promise = (source as () => PromiseLike<T>)();
    }
  } else {
    promise = source;
  }
  if (promise === null || typeof promise !== "object" || typeof promise.then !== "function") {
    throw new TypeError(
      `fromPromise(source): source must be a promise or a function returning one, got ${promise === null ? "null" : typeof promise}`,
    );
  }
  const fut = loop.createFuture<T>("a promise");
  const release = loop.trackExternal("a promise");
  Promise.resolve(promise).then(
    (value) => {
      release();
      if (!fut.done() && !loop.isClosed()) fut.setResult(value);
    },
    (error: unknown) => {
      release();
      if (!fut.done() && !loop.isClosed()) fut.setException(error);
    },
  );
  try {
    return yield* fut;
  } finally {
    release();
    if (controller !== null && fut.cancelled()) {
      controller.abort(new CancelledError("the wait for this promise was cancelled"));
    }
  }
}
