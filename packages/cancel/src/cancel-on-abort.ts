import type { Coroutine, Operation, Yielded } from "@corio/interfaces";
import { callBody, checkBody, checkSignal, messageOf, requireTask } from "./util.js";

function* cancelOnAbortImpl<T>(
  signal: AbortSignal,
  body: () => Operation<T> | void,
): Generator<Yielded, T, unknown> {
  const task = requireTask("cancelOnAbort()");
  const onAbort = (): void => {
    task.cancel(messageOf(signal.reason));
  };
  if (signal.aborted) onAbort();
  else signal.addEventListener("abort", onAbort, { once: true });
  try {
    return yield* callBody("cancelOnAbort(signal, body): body", body, undefined);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}

/**
 * Runs the block `body` and cancels the current task if `signal` aborts meanwhile, with the
 * signal's reason as the cancel message (its `message` if it is an `Error`). The block gets
 * `CancelledError` where it waits, as with `task.cancel(message)`. The listener is removed when the
 * block ends. A signal already aborted cancels the task at once.
 *
 * For the other direction, a task exposes `task.signal`, and timeout scopes and task groups expose
 * `scope.signal` / `tg.signal`. To end a task group without an error when a signal aborts, pass
 * it as `taskGroup(body, { signal })` instead.
 *
 * @asyncio none (asyncio has no AbortSignal); the effect is `task.cancel(msg)`.
 * @throws {TypeError} (at once) if `signal` is not an `AbortSignal` or `body` not a function.
 * @throws {@link RuntimeError} when awaited outside a task.
 * @throws {@link CancelledError} (with the abort reason as message) if the signal aborted.
 * @example
 * const controller = new AbortController();
 * stopButton.onclick = () => controller.abort("stopped by the user");
 * yield* cancelOnAbort(controller.signal, function* () {
 *   yield* longJob();
 * });
 */
export function cancelOnAbort<T>(
  signal: AbortSignal,
  body: () => Operation<T> | void,
): Coroutine<T> {
  checkSignal("cancelOnAbort(signal): signal", signal);
  checkBody("cancelOnAbort(signal, body): body", body);
  return cancelOnAbortImpl(signal, body);
}
