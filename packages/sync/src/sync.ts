import { type Coroutine, getRunningLoop } from "@corio/interfaces";

/**
 * Waits one loop iteration, then returns `value`: a placeholder showing the shape of a waiting
 * operation. Replace it with your primitive.
 *
 * @asyncio none: `pnpm new` wrote this example.
 * @throws {@link RuntimeError} (when awaited) if no loop is running.
 * @example
 * const v = yield* syncExample("hi"); // "hi", one iteration later
 */
export function* syncExample<T>(value: T): Coroutine<T> {
  const loop = getRunningLoop();
  // A labelled future shows up in task listings as what the task waits on.
  const fut = loop.createFuture<T>("syncExample()");
  loop.callSoon(() => fut.setResult(value));
  return yield* fut;
}
