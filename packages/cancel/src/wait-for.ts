import {
  type Coroutine,
  type FutureLike,
  getRunningLoop,
  isCancelledError,
  type Operation,
  TimeoutError,
  type Yielded,
} from "@corio/interfaces";
import { checkAwaitable, checkMilliseconds, ensureFuture } from "@corio/internal";
import { Timeout } from "./timeout.js";

function* cancelAndWait(fut: FutureLike<unknown>): Generator<Yielded, void, unknown> {
  const loop = getRunningLoop();
  const waiter = loop.createFuture<void>("waitFor()");
  const release = (): void => {
    if (!waiter.done()) waiter.setResult(undefined);
  };
  fut.addDoneCallback(release);
  try {
    fut.cancel();
    // Wait on our own future, not on fut, so this wait stays cancellable.
    yield* waiter;
  } finally {
    fut.removeDoneCallback(release);
  }
}

function* waitForImpl<T>(aw: Operation<T>, ms: number | null): Generator<Yielded, T, unknown> {
  const loop = getRunningLoop();
  if (ms !== null && ms <= 0) {
    const fut = ensureFuture<T>(aw, loop, "waitFor(aw, ms): aw");
    if (fut.done()) return fut.result();
    yield* cancelAndWait(fut);
    try {
      return fut.result();
    } catch (error) {
      if (isCancelledError(error)) {
        throw new TimeoutError("waitFor(): the timeout expired", { cause: error });
      }
      throw error;
    }
  }
  const scope = new Timeout(ms === null ? null : loop.time() + ms);
  return yield* scope._run("waitFor", () => aw);
}

/**
 * Waits for `aw` at most `ms` milliseconds. On timeout, `aw` is cancelled, **waited for until it
 * has finished** (its `finally` blocks have run), and `TimeoutError` is thrown. A coroutine runs
 * inline in the waiting task (as asyncio 3.12+ does, through a timeout scope); a task or future is
 * awaited. If the waiting task is cancelled, so is `aw`. If `aw` swallows the cancellation and
 * returns a value, that value is returned. `ms` of `null`/`undefined` (or `Infinity`) waits without
 * limit; 0 or less cancels `aw` at once unless it is already done (a coroutine then never starts).
 *
 * @asyncio `asyncio.wait_for(aw, timeout)` (3.12+ semantics)
 * @throws {TypeError} (at once) if `aw` is not awaitable or `ms` is not a number/null/undefined.
 * @throws {RangeError} (at once) if `ms` is NaN.
 * @throws {@link TimeoutError} if the time ran out (its `cause` is the `CancelledError`).
 * @throws {@link CancelledError} if the waiting task is cancelled.
 * @throws whatever `aw` throws.
 * @example
 * try {
 *   const body = yield* waitFor(download(url), 10_000);
 * } catch (e) {
 *   if (e instanceof TimeoutError) console.log("too slow, and the download is stopped");
 * }
 */
export function waitFor<T>(aw: Operation<T>, ms: number | null | undefined): Coroutine<T> {
  checkAwaitable(aw, "waitFor(aw, ms): aw");
  const checked = checkMilliseconds("waitFor(aw, ms): ms", ms);
  return waitForImpl(aw, checked);
}
