/**
 * gather: run awaitables concurrently and collect their results in argument order.
 *
 * How it works (asyncio's `_GatheringFuture`): every argument becomes a child future (a coroutine
 * is wrapped in a task; the same object twice gives one child). The outer future is a plain loop
 * future whose `cancel()` is replaced: it cancels the children instead of itself, and remembers
 * that it did. Each child's done callback (run through the ready queue, like every done callback)
 * counts it; the first error, when errors are not returned, settles the outer future at once;
 * the last child settles it with the results, or with a `CancelledError` if the gather was
 * cancelled. Children whose result nobody will read have their exception marked as retrieved.
 */

import {
  CancelledError,
  describeValue,
  type EventLoop,
  type Future,
  type FutureLike,
  getRunningLoop,
  getRunningLoopOrNull,
  isCancelledError,
  isCoroutine,
  type Operation,
  RuntimeError,
} from "@corio/interfaces";
import { checkAwaitable, isBoundFuture, wrapAwaitable } from "@corio/internal";

/**
 * Options for {@link gather}, given as its last argument.
 *
 * @asyncio the `return_exceptions` keyword of `asyncio.gather`
 *
 * @example
 * const [a, b] = yield* gather(fetchA(), fetchB(), { returnExceptions: true });
 */
export interface GatherOptions {
  /**
   * When true, an error (including a `CancelledError`) takes the place of its child's result
   * instead of being thrown by the gather. Default false.
   */
  returnExceptions?: boolean;
}

/**
 * The result type of an awaitable: `ResultOf<Task<number>>` is `number`.
 *
 * @asyncio none (typing only)
 *
 * @example
 * type R = ResultOf<Task<number>>; // number
 */
export type ResultOf<A> = A extends { result(): infer R }
  ? R
  : A extends Operation<infer R>
    ? R
    : never;

/**
 * The results of `gather(...aws)`: a tuple with the result type of each argument.
 *
 * @asyncio the list `asyncio.gather` returns
 *
 * @example
 * // gather(t1, t2) with t1: Task<number>, t2: Task<string> gives [number, string]
 * const results: GatherResults<[Task<number>, Task<string>]> = yield* gather(t1, t2);
 */
export type GatherResults<A extends readonly unknown[]> = {
  -readonly [K in keyof A]: ResultOf<A[K]>;
};

/**
 * The results of `gather(...aws, { returnExceptions: true })`: each place holds the result or the
 * error its child failed with. (A child that throws something that is not an `Error` puts that
 * value there as it is; the type assumes errors are `Error`s.)
 *
 * @asyncio the list `asyncio.gather(..., return_exceptions=True)` returns
 *
 * @example
 * // [number | Error, string | Error]
 * const [n, s] = yield* gather(t1, t2, { returnExceptions: true });
 */
export type GatherSettledResults<A extends readonly unknown[]> = {
  -readonly [K in keyof A]: ResultOf<A[K]> | Error;
};

const OPTION_KEYS = new Set(["returnExceptions"]);

function isOptionsObject(value: unknown): value is GatherOptions {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !isCoroutine(value) &&
    typeof (value as Operation<unknown>)[Symbol.iterator] !== "function" &&
    typeof (value as PromiseLike<unknown>).then !== "function"
  );
}

function checkOptions(options: GatherOptions): boolean {
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) {
      throw new TypeError(
        `gather(...aws, options): unknown option "${key}" (the only option is returnExceptions); if this object was meant as an awaitable, it is not one`,
      );
    }
  }
  const value = options.returnExceptions;
  if (value !== undefined && typeof value !== "boolean") {
    throw new TypeError(
      `gather(...aws, options): options.returnExceptions must be a boolean, got ${describeValue(value)}`,
    );
  }
  return value === true;
}

function cancelledErrorOf(fut: FutureLike<unknown>): unknown {
  // Without a throw when the future offers it (corio's own futures and tasks do).
  if (typeof fut._makeCancelledError === "function") return fut._makeCancelledError();
  try {
    fut.exception();
  } catch (error) {
    if (isCancelledError(error)) return error;
  }
  return new CancelledError();
}

/**
 * Runs awaitables concurrently and returns a future of their results, in argument order whatever
 * order they finish in. Coroutines are wrapped in tasks (created now, as asyncio does); futures
 * and tasks are used as they are; the same object given twice runs once and its result appears
 * twice. `gather()` of nothing gives `[]`.
 *
 * Without `returnExceptions`, the first child error is thrown to the awaiter at once, and **the
 * other children keep running** (as in asyncio): cancel them yourself, or use a `TaskGroup`
 * (`@corio/cancel`) for all-or-nothing behaviour. With `{ returnExceptions: true }` as the last
 * argument, errors and `CancelledError`s take their child's place in the results.
 *
 * Cancelling the returned future (or the task that waits on it) cancels every child that is not
 * done; the gather then throws `CancelledError` even with `returnExceptions`.
 *
 * @asyncio `asyncio.gather(*aws, return_exceptions=False)`
 * @throws {TypeError} (at once) if an argument is not awaitable, naming its position, or if the
 * options object is malformed.
 * @throws {@link RuntimeError} (at once) if no loop is running and no argument is a future, or if
 * a future belongs to another loop.
 * @throws (when awaited) the first child's error, unless `returnExceptions` is set.
 * @throws {@link CancelledError} (when awaited) if a child was cancelled (without
 * `returnExceptions`) or the gather itself was cancelled.
 * @example
 * const [user, posts] = yield* gather(fetchUser(id), fetchPosts(id)); // User, Post[]
 * const settled = yield* gather(a(), b(), { returnExceptions: true }); // [A | Error, B | Error]
 */
export function gather<const A extends readonly Operation<unknown>[]>(
  ...aws: A
): Future<GatherResults<A>>;
export function gather<const A extends readonly Operation<unknown>[]>(
  ...args: [...aws: A, options: GatherOptions & { returnExceptions: true }]
): Future<GatherSettledResults<A>>;
export function gather<const A extends readonly Operation<unknown>[]>(
  ...args: [...aws: A, options: GatherOptions & { returnExceptions?: false | undefined }]
): Future<GatherResults<A>>;
export function gather<const A extends readonly Operation<unknown>[]>(
  ...args: [...aws: A, options: GatherOptions]
): Future<GatherResults<A> | GatherSettledResults<A>>;
export function gather(...args: unknown[]): Future<unknown[]> {
  let returnExceptions = false;
  if (args.length > 0 && isOptionsObject(args[args.length - 1])) {
    returnExceptions = checkOptions(args.pop() as GatherOptions);
  }
  return gatherImpl(args, returnExceptions, gatherArgument);
}

/**
 * `gather` for a list: takes the awaitables as one iterable instead of as arguments, so a list of
 * any length works (spreading a very long array into `gather(...tasks)` overflows the stack).
 * Behaves exactly as `gather` otherwise, results in the list's order.
 *
 * @asyncio `asyncio.gather(*aws, return_exceptions=False)`
 * @throws {TypeError} (at once) if `aws` is not iterable, an item is not awaitable (naming its
 * index), or the options are malformed.
 * @throws {@link RuntimeError} (at once) if no loop is running and no item is a future.
 * @throws (when awaited) the first child's error unless `returnExceptions`; {@link CancelledError}
 * as for `gather`.
 * @example
 * const tasks = urls.map((u) => createTask(fetchPage(u)));
 * const pages = yield* gatherAll(tasks); // Page[], however many urls there are
 */
export function gatherAll<T>(
  aws: Iterable<Operation<T>>,
  options: GatherOptions & { returnExceptions: true },
): Future<(T | Error)[]>;
export function gatherAll<T>(aws: Iterable<Operation<T>>, options?: GatherOptions): Future<T[]>;
export function gatherAll<T>(
  aws: Iterable<Operation<T>>,
  options: GatherOptions = {},
): Future<unknown[]> {
  if (
    aws === null ||
    typeof (aws as Iterable<unknown>)?.[Symbol.iterator] !== "function" ||
    isCoroutine(aws)
  ) {
    throw new TypeError(
      `gatherAll(aws): aws must be an array or another iterable of awaitables, got ${describeValue(aws)}`,
    );
  }
  if (!isOptionsObject(options)) {
    throw new TypeError(
      `gatherAll(aws, options): options must be an object, got ${describeValue(options)}`,
    );
  }
  return gatherImpl(Array.from(aws), checkOptions(options), gatherAllArgument);
}

function findLoop(aws: unknown[]): EventLoop {
  const running = getRunningLoopOrNull();
  if (running !== null) return running;
  for (const aw of aws) if (isBoundFuture(aw)) return aw.getLoop();
  return getRunningLoop();
}

/** How an error names the i-th awaitable given to gather(). */
const gatherArgument = (i: number): string => `gather(...aws): argument ${i + 1} (aws[${i}])`;
/** How an error names the i-th awaitable given to gatherAll(). */
const gatherAllArgument = (i: number): string => `gatherAll(aws): aws[${i}]`;

function gatherImpl(
  aws: unknown[],
  returnExceptions: boolean,
  argument: (i: number) => string,
): Future<unknown[]> {
  const loop = findLoop(aws);
  if (aws.length === 0) {
    const empty = loop.createFuture<unknown[]>("gather()");
    empty.setResult([]);
    return empty;
  }

  // Check every argument before making any task, so a bad one leaves nothing running.
  for (let i = 0; i < aws.length; i++) {
    const aw = aws[i];
    if (isBoundFuture(aw)) {
      if (aw.getLoop() !== loop) {
        throw new RuntimeError(`${argument(i)} belongs to a different event loop`);
      }
    } else checkAwaitable(aw, argument(i));
  }

  // The same awaitable passed twice is one child (as in asyncio). A coroutine maps to the task
  // made for it; a future is its own child, and a pending one already seen is recognised by the
  // done callback this gather registered on it, so the common case needs no map at all.
  let taskOf: Map<unknown, FutureLike<unknown>> | null = null;
  // Sized up front: gathering 100k tasks should not grow (and copy) its arrays as it goes.
  const children: FutureLike<unknown>[] = new Array(aws.length);
  const doneFuts: FutureLike<unknown>[] = new Array(aws.length);
  let ndone = 0;
  let nfuts = 0;
  let nfinished = 0;
  let outer: Future<unknown[]> | null = null;
  let cancelRequested = false;

  const onChildDone = (fut: FutureLike<unknown>): void => {
    nfinished++;
    if (outer === null || outer.done()) {
      // Nobody will read this child: mark its exception as retrieved.
      if (!fut.cancelled()) fut.exception();
      return;
    }
    if (!returnExceptions) {
      if (fut.cancelled()) {
        outer.setException(cancelledErrorOf(fut));
        return;
      }
      const error = fut.exception();
      if (error !== null) {
        outer.setException(error);
        return;
      }
    }
    if (nfinished === nfuts) {
      const results: unknown[] = new Array(children.length);
      for (let k = 0; k < children.length; k++) {
        const child = children[k]!;
        if (child.cancelled()) {
          results[k] = cancelledErrorOf(child);
        } else {
          const error = child.exception();
          results[k] = error !== null ? error : child.result();
        }
      }
      if (cancelRequested) {
        // A cancelled gather raises CancelledError whatever returnExceptions says.
        outer.setException(fut.cancelled() ? cancelledErrorOf(fut) : new CancelledError());
      } else {
        outer.setResult(results);
      }
    }
  };

  for (let i = 0; i < aws.length; i++) {
    const arg = aws[i];
    let fut: FutureLike<unknown>;
    if (isBoundFuture(arg)) {
      fut = arg;
      if (fut.done()) {
        // A done future passed twice is simply read twice: its outcome cannot change, so there
        // is nothing to tell apart (and no set of every done child to build).
        nfuts++;
        doneFuts[ndone++] = fut;
      } else {
        // Nothing else ran since this gather registered on the future, so if it did, its
        // callback is the last one, and taking it out and back keeps every callback's order.
        if (fut.removeDoneCallback(onChildDone) === 0) nfuts++;
        fut.addDoneCallback(onChildDone);
      }
    } else {
      if (taskOf === null) taskOf = new Map();
      let made = taskOf.get(arg);
      if (made === undefined) {
        made = wrapAwaitable(arg, loop);
        taskOf.set(arg, made);
        nfuts++;
        made.addDoneCallback(onChildDone);
      }
      fut = made;
    }
    children[i] = fut;
  }

  const gathering = loop.createFuture<unknown[]>("gather()");
  // The outer future is never cancelled itself: cancelling it cancels the children, and it
  // settles with a CancelledError once the last child is done.
  gathering.cancel = (message?: string): boolean => {
    if (gathering.done()) return false;
    let cancelled = false;
    for (const child of children) if (child.cancel(message)) cancelled = true;
    if (cancelled) cancelRequested = true;
    return cancelled;
  };
  outer = gathering;
  for (let k = 0; k < ndone; k++) onChildDone(doneFuts[k]!);
  return gathering;
}
