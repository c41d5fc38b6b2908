import type { Coroutine, EventLoop, Operation } from "@corio/interfaces";
import {
  describeValue,
  getRunningLoop,
  getRunningLoopOrNull,
  isCoroutine,
  isFutureLike,
  RuntimeError,
} from "@corio/interfaces";

/** @internal Words bad input alike across corio packages. */
export const describe = describeValue;

/**
 * Binds a primitive to the loop that first makes it wait, as asyncio's `_LoopBoundMixin` does: a
 * primitive is made anywhere (even outside a loop) and may then be used from one loop only. Not
 * exported from the package, but the public primitives extend it, so it is not marked internal: its
 * declaration must stay in the published types when internals are stripped.
 */
export abstract class LoopBound {
  /** @internal */ _loop: EventLoop | null = null;

  /** @internal The running loop, after checking it is the one this primitive belongs to. */
  _getLoop(): EventLoop {
    const loop = getRunningLoop();
    if (this._loop === null) this._loop = loop;
    else if (this._loop !== loop) {
      throw new RuntimeError(`${this} is bound to a different event loop`);
    }
    return this._loop;
  }

  /**
   * @internal Throws if another event loop than the one this primitive belongs to is running:
   * waking this loop's waiters from there cannot work. Outside any loop (a host callback) is fine.
   */
  _checkCaller(): void {
    const loop = this._loop;
    if (loop === null) return;
    const running = getRunningLoopOrNull();
    if (running !== null && running !== loop) {
      throw new RuntimeError(`${this} is bound to a different event loop`);
    }
  }
}

/**
 * `async with primitive:` for Lock, Semaphore and Condition: takes `primitive`, runs `body`
 * (see {@link runBody}) and releases it however `body` ends.
 *
 * @internal
 */
export function* holding<T>(
  primitive: { acquire(): Operation<unknown>; release(): void },
  who: string,
  body: () => unknown,
): Coroutine<T> {
  checkBody(who, body);
  yield* primitive.acquire();
  try {
    return yield* runBody<T>(body);
  } finally {
    primitive.release();
  }
}

/**
 * Runs the body of a `withLock`-style helper: a generator function is awaited, a plain function's
 * return value is passed through, so `lock.withLock(() => { n++; })` works too.
 *
 * @internal
 */
export function* runBody<T>(body: () => unknown): Coroutine<T> {
  const result = body();
  if (isCoroutine(result) || isFutureLike(result)) return yield* result as Operation<T>;
  return result as T;
}

/** @internal */
export function checkBody(who: string, body: unknown): void {
  if (typeof body !== "function") {
    throw new TypeError(`${who}(body): body must be a function, got ${describe(body)}`);
  }
}
