import { type Coroutine, type Operation, type QueueLike, QueueShutDown } from "@corio/interfaces";
import { describe } from "./store.js";

function isOperation(value: unknown): value is Operation<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as Operation<unknown>)[Symbol.iterator] === "function"
  );
}

/**
 * Gets items from `queue` one at a time and hands each to `handle`, until the queue is shut down
 * and empty; returns how many items were handled. Each item is marked with `queue.taskDone()`
 * once `handle` is over, even if it threw, so `queue.join()` works as with a hand-written worker.
 *
 * `handle` is a generator function (its coroutine is awaited before the next item is got) or a
 * plain function (if it returns an operation, such as `sleep(ms)`, that is awaited too). An error
 * thrown by `handle` ends the loop and propagates; so does cancellation, and an item is never lost
 * to a cancellation while waiting. It is asyncio's usual worker loop:
 * `while True: item = await q.get(); try: ... finally: q.task_done()`, ending on `QueueShutDown`.
 *
 * @asyncio none: it is the worker loop of the `asyncio.Queue` documentation, as a helper.
 * @throws {TypeError} if `handle` is not a function.
 * @throws whatever `handle` throws, after marking that item done.
 * @throws {@link CancelledError} if the task is cancelled.
 * @example
 * const workers = [1, 2, 3].map(() =>
 *   createTask(consume(queue, function* (url: string) {
 *     yield* crawl(url);
 *   })),
 * );
 * for (const url of urls) yield* queue.put(url);
 * queue.shutdown(); // workers finish what is queued, then return
 * for (const w of workers) yield* w;
 */
export function consume<T>(
  queue: QueueLike<T>,
  handle: (item: T) => Operation<unknown> | unknown,
): Coroutine<number> {
  if (typeof handle !== "function") {
    throw new TypeError(
      `consume(queue, handle): handle must be a function (item) => ..., got ${describe(handle)}`,
    );
  }
  return consumeLoop(queue, handle);
}

function* consumeLoop<T>(
  queue: QueueLike<T>,
  handle: (item: T) => Operation<unknown> | unknown,
): Coroutine<number> {
  let handled = 0;
  for (;;) {
    let item: T;
    try {
      item = yield* queue.get();
    } catch (error) {
      if (error instanceof QueueShutDown) return handled;
      throw error;
    }
    try {
      const result = handle(item);
      if (isOperation(result)) yield* result;
    } finally {
      handled++;
      queue.taskDone();
    }
  }
}
