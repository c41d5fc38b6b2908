import {
  type FutureLike,
  getRunningLoop,
  getRunningLoopOrNull,
  type Operation,
} from "@corio/interfaces";
import { checkAwaitable, ensureFuture, isBoundFuture } from "@corio/internal";

/**
 * Protects `aw` from cancellation: the returned future can be cancelled (and the task waiting on
 * it gets `CancelledError` at once) while `aw` keeps running. A coroutine is wrapped in a task.
 * If `aw` itself is cancelled by other means, the returned future is cancelled too. When the
 * outer side was cancelled, the inner result or error is still marked as retrieved, so nothing is
 * reported as never retrieved. Keep a reference to the inner task if you need its result later.
 *
 * @asyncio `asyncio.shield`
 * @throws {TypeError} (at once) if `aw` is not awaitable.
 * @throws {@link RuntimeError} (at once) if `aw` is a coroutine and no loop is running.
 * @throws {@link CancelledError} (when awaited) if the waiting task is cancelled, or `aw` was.
 * @throws (when awaited) whatever `aw` throws.
 * @example
 * const save = createTask(saveToDisk(data));
 * try {
 *   yield* shield(save);
 * } catch (e) {
 *   if (e instanceof CancelledError) console.log("still saving in the background");
 *   throw e;
 * }
 */
export function shield<T>(aw: Operation<T>): FutureLike<T> {
  checkAwaitable(aw, "shield(aw): aw");
  const loop = isBoundFuture(aw) ? aw.getLoop() : (getRunningLoopOrNull() ?? getRunningLoop());
  const inner = ensureFuture<T>(aw, loop, "shield(aw): aw");
  if (inner.done()) return inner;
  const outer = inner.getLoop().createFuture<T>("shield()");
  const onInnerDone = (fut: FutureLike<T>): void => {
    if (outer.cancelled()) {
      // Nobody will read it: mark its exception as retrieved.
      if (!fut.cancelled()) fut.exception();
      return;
    }
    if (fut.cancelled()) {
      outer.cancel();
      return;
    }
    const error = fut.exception();
    if (error !== null) outer.setException(error);
    else outer.setResult(fut.result());
  };
  const onOuterDone = (): void => {
    if (!inner.done()) inner.removeDoneCallback(onInnerDone);
  };
  inner.addDoneCallback(onInnerDone);
  outer.addDoneCallback(onOuterDone);
  return outer;
}
