// call(coro): await a coroutine as its own frame on the task's stack, so that resuming a task
// deep in a chain of coroutines costs the same as resuming it at the top.
//
// Why it exists: `yield* child()` is delegation, and V8 implements it by resuming every generator
// in the chain to forward each value. A task that waits under 1000 nested `yield*` pays 1000
// generator resumptions per wake-up. With `yield* call(child())`, the task itself keeps the chain:
// `call` hands the child to the task (it yields the generator, marked), the task runs the child as
// the innermost frame, and when the child returns or throws the task resumes the caller with the
// value or the error. A wake-up resumes one frame, whatever the depth.
import { type Coroutine, type Operation, RuntimeError, type Yielded } from "@corio/interfaces";
import { checkCoroutine } from "@corio/internal";
import { DRIVEN, type Marked, REUSED } from "./task.js";

/** The caller's side of a frame: waits for the task to send back the child's value (or error). */
function* frame<T>(coro: Coroutine<T>): Coroutine<T> {
  return (yield coro as unknown as Yielded) as T;
}

/**
 * Awaits a coroutine as a frame of its own on the task's stack: `yield* call(child())` means the
 * same as `yield* child()` (same value, same error, cancellation delivered where the child waits,
 * `finally` blocks in the same order), but resuming the task costs one generator whatever the
 * depth, where plain `yield*` resumes every generator of the chain. Use it for deep recursion
 * (walkers, parsers, layered protocols); at shallow depth plain `yield*` is cheaper.
 *
 * Any other operation (a future, a task, `sleep(ms)`, `queue.get()`, `lock.acquire()`) is one
 * iterator deep already and is returned as it is, so `call()` can wrap whatever `yield*` accepts.
 * The coroutine must be driven by a corio task (anything run by `run()` or `createTask()` is).
 *
 * @asyncio no counterpart: CPython's `await` resumes a chain of coroutines in C, so it does not
 * need one; this is how corio keeps deep chains as fast as shallow ones in V8.
 * @throws {TypeError} if `op` is not something `yield*` can await.
 * @throws {@link RuntimeError} if `op` is a coroutine already driven by a task or another `call()`.
 * @example
 * function* depth(node: TreeNode): Coroutine<number> {
 *   let deepest = 0;
 *   for (const child of node.children) deepest = Math.max(deepest, yield* call(depth(child)));
 *   yield* sleep(0);
 *   return deepest + 1;
 * }
 */
export function call<T>(op: Coroutine<T>): Coroutine<T>;
export function call<T>(op: Operation<T>): Operation<T>;
export function call<T>(op: Operation<T>): Operation<T> {
  // Only a real generator object gets a frame: futures (sleep(ms) included) are iterators with
  // next/throw/return too, but one step deep, and are awaited as they are.
  if ((op as { [Symbol.toStringTag]?: unknown } | null)?.[Symbol.toStringTag] !== "Generator") {
    if (typeof (op as Operation<T> | null)?.[Symbol.iterator] === "function") return op;
    checkCoroutine(op, "call(op): op", " or another operation");
  }
  const coro = op as Coroutine<T>;
  if ((coro as Marked)[DRIVEN] !== undefined) {
    throw new RuntimeError(`call(op): ${REUSED}`);
  }
  (coro as Marked)[DRIVEN] = 2;
  return frame(coro);
}
