import type { Coroutine, TaskLike } from "@corio/interfaces";
import { createTask, sleep } from "@corio/task";

/** Starts a task from a generator function. */
export function spawn<T>(body: () => Coroutine<T>, name?: string): TaskLike<T> {
  return createTask(body(), name === undefined ? undefined : { name });
}

/** Gives every other task `n` loop iterations. */
export function* turns(n = 3): Coroutine<void> {
  for (let i = 0; i < n; i++) yield* sleep(0);
}

/** Waits for every task, in order. */
export function* all<T>(tasks: TaskLike<T>[]): Coroutine<T[]> {
  const out: T[] = [];
  for (const t of tasks) out.push(yield* t);
  return out;
}

/** Runs `op`, returning the error it throws (or `null`). */
export function* caught(op: () => Coroutine<unknown>): Coroutine<unknown> {
  try {
    yield* op();
    return null;
  } catch (e) {
    return e;
  }
}
