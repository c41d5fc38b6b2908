/**
 * @internal How a future's done callbacks and wakers run once it is done: each through the ready
 * queue, a callback in its context (a bare one in an empty context, see context.ts), an error it
 * throws handed to the loop's exception handler.
 */
import type { Waker } from "@corio/interfaces";
import { type Context, runBare, runIn } from "./context.js";
import type { Future } from "./future.js";
import { describeCallback } from "./handles.js";

/**
 * A done callback with the context it runs in. A callback added where no variable is set is kept
 * bare (no wrapper) and runs in an empty context.
 */
export class ContextCallback {
  constructor(
    readonly callback: (fut: Future<unknown>) => void,
    public ctx: Context,
  ) {}
}

export function runWaker(waker: Waker): void {
  waker.onFutureDone();
}

/**
 * Runs a done callback queued with its future. An error it throws goes to the loop's exception
 * handler instead of breaking the loop, as a callback run in an asyncio `Handle` does.
 */
function runDoneCallback(callback: (fut: Future<unknown>) => void, fut: Future<unknown>): void {
  const loop = fut._loop;
  try {
    callback(fut);
  } catch (error) {
    loop.callExceptionHandler({
      message: `Exception in callback ${describeCallback(callback)}`,
      exception: error,
      future: fut,
    });
  }
  const hooks = loop._hooks;
  if (hooks !== null && hooks.callbackRan !== undefined) hooks.callbackRan(callback);
}

export function runBareDoneCallback(
  callback: (fut: Future<unknown>) => void,
  fut: Future<unknown>,
): void {
  runBare(runDoneCallback, callback, fut);
}

export function runContextCallback(entry: ContextCallback, fut: Future<unknown>): void {
  runIn(entry, runDoneCallback, entry.callback, fut);
}
