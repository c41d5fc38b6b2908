// What a task says when its coroutine yields something it cannot wait on: the messages of the
// RuntimeError thrown into the coroutine at its next step.
import {
  describeValue,
  type EventLoopLike,
  type FutureLike,
  isCoroutine,
  type TaskLike,
} from "@corio/interfaces";

/**
 * Why `task` cannot park on the future it yielded, or null if it can. `own`: one of corio's own
 * futures, which can describe themselves.
 */
export function cannotWaitOn(
  future: FutureLike<unknown>,
  own: boolean,
  task: TaskLike<unknown>,
  loop: EventLoopLike,
): string | null {
  // The name is read only for a message: reading it makes the task's `Task-N` string, which
  // most tasks never need (this runs every time a task parks).
  if (!future._blocking) {
    return own
      ? `yield was used instead of yield* in task "${task.getName()}" with ${future}: write yield* fut`
      : `yield was used instead of yield* in task "${task.getName()}"`;
  }
  if (future.getLoop() !== loop) {
    return `task "${task.getName()}" got ${own ? future : "a future"} attached to a different loop`;
  }
  if (future === task) return `task "${task.getName()}" cannot await on itself`;
  return null;
}

/** The message for a yield of something that is not a future, with a hint at the usual mistake. */
export function badYield(value: unknown, task: TaskLike<unknown>): string {
  let hint = "";
  if (isCoroutine(value)) hint = ": it yielded a generator; write yield* to run a coroutine";
  else if (value !== null && typeof (value as PromiseLike<unknown>)?.then === "function") {
    hint = ": it yielded a promise; wrap it as yield* fromPromise(promise)";
  } else if (value === undefined)
    hint = ": a bare `yield`; write yield* sleep(0) to give up control";
  return `task "${task.getName()}" got a bad yield (${describeValue(value)})${hint}`;
}
