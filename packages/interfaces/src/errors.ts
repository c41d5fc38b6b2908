/**
 * Errors shared by every corio package.
 *
 * How identity works: two copies of `@corio/interfaces` (say, one bundled by a library and one
 * installed by the app) define two distinct classes. Each class carries a brand registered with
 * `Symbol.for`, stamps it on its instances, and answers `instanceof` by looking for that brand, so
 * `err instanceof CancelledError` holds whichever copy threw it.
 */

const BRANDS: unique symbol = Symbol.for("@corio/interfaces/brands") as never;

type Branded = { [BRANDS]?: Record<string, true> };

function hasBrand(value: unknown, brand: string): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Branded)[BRANDS] !== undefined &&
    (value as Branded)[BRANDS]![brand] === true
  );
}

function stamp(error: Error, brand: string): void {
  const target = error as Branded;
  if (!Object.hasOwn(target, BRANDS)) {
    Object.defineProperty(target, BRANDS, { value: Object.create(null), enumerable: false });
  }
  target[BRANDS]![brand] = true;
}

/** Stamps a class prototype with its own brand and every brand of the classes it extends. */
function stampPrototype(proto: object): void {
  const brands: Record<string, true> = Object.create(null);
  brands.CorioError = true;
  for (
    let p: object | null = proto;
    p !== null && p !== Error.prototype;
    p = Object.getPrototypeOf(p)
  ) {
    const brand = (p as { constructor?: { brand?: unknown } }).constructor?.brand;
    if (typeof brand === "string") brands[brand] = true;
  }
  Object.defineProperty(proto, BRANDS, { value: brands, enumerable: false });
}

/**
 * Base class of corio's errors: its subclasses keep one identity across copies of the package.
 *
 * A subclass passes its own brand (its name is a good one) to the constructor's third argument,
 * as a string literal: a class that names itself inside its body is emitted by bundlers as
 * `class _Name`, and Node.js prints that name when such an error goes uncaught.
 *
 * @example
 * class LockBroken extends CorioError {
 *   static readonly brand = "LockBroken";
 *   constructor(message?: string) { super(message, undefined, "LockBroken"); }
 * }
 *
 * @asyncio none: asyncio's errors share no base class; this one lets `instanceof` work across
 * copies of corio
 */
export class CorioError extends Error {
  /** The brand that `instanceof` looks for; subclasses override it. */
  static readonly brand: string = "CorioError";

  constructor(message?: string, options?: ErrorOptions, brand?: string) {
    super(message, options);
    if (brand === undefined || brand === (new.target as typeof CorioError).brand) {
      // The usual case, a class passing its own brand: the brands live on its prototype, stamped
      // once, so making an error costs no more than making an Error (cancelling 100k tasks makes
      // 100k CancelledErrors).
      const proto = new.target.prototype as object;
      if (!Object.hasOwn(proto, BRANDS)) stampPrototype(proto);
    } else {
      stamp(this, "CorioError");
      stamp(this, brand);
    }
    this.name = brand ?? "CorioError";
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: each subclass answers with its own brand.
    return hasBrand(value, (this as unknown as { brand: string }).brand);
  }
}

/**
 * Thrown into a coroutine at the `yield*` where it waits when its task is cancelled.
 *
 * Catch it only to clean up, then rethrow: a coroutine that swallows it makes its task finish
 * normally, exactly as in asyncio. Unlike Python, JavaScript has no `BaseException`, so a bare
 * `catch (e)` catches it too; test with `isCancelledError(e)` or `instanceof` and rethrow.
 *
 * @asyncio `asyncio.CancelledError`
 * @example
 * try {
 *   yield* sleep(1000);
 * } catch (e) {
 *   if (e instanceof CancelledError) console.log("cancelled:", e.message);
 *   throw e;
 * }
 */
export class CancelledError extends CorioError {
  static override readonly brand = "CancelledError";
  constructor(message?: string, options?: ErrorOptions) {
    super(message ?? "", options, "CancelledError");
  }
}

/**
 * Thrown when an operation meets an object in the wrong state, such as setting the result of a
 * future that is already done or reading the result of one that is not.
 *
 * @asyncio `asyncio.InvalidStateError`
 * @example
 * fut.setResult(1);
 * fut.setResult(2); // throws InvalidStateError
 */
export class InvalidStateError extends CorioError {
  static override readonly brand = "InvalidStateError";
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options, "InvalidStateError");
  }
}

/**
 * Thrown when a deadline set by `waitFor`, `timeout` or `timeoutAt` passes.
 *
 * @asyncio `asyncio.TimeoutError` (the builtin `TimeoutError` since Python 3.11)
 * @example
 * try {
 *   yield* waitFor(slow(), 1000);
 * } catch (e) {
 *   if (e instanceof TimeoutError) console.log("gave up");
 * }
 */
export class TimeoutError extends CorioError {
  static override readonly brand = "TimeoutError";
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options, "TimeoutError");
  }
}

/**
 * Thrown when the loop is used the wrong way: no running loop, a closed loop, `run()` inside a
 * running loop, a task awaiting itself.
 *
 * @asyncio Python's builtin `RuntimeError`, which asyncio raises in the same places.
 * @example
 * getRunningLoop(); // outside a coroutine: throws RuntimeError("no running event loop")
 */
export class RuntimeError extends CorioError {
  static override readonly brand = "RuntimeError";
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options, "RuntimeError");
  }
}

/**
 * Thrown when a lookup finds nothing: `ContextVar.get()` on a variable with no value in the
 * current context and no default.
 *
 * @asyncio Python's builtin `LookupError`, which `ContextVar.get` raises.
 * @example
 * const requestId = new ContextVar<string>("requestId");
 * requestId.get(); // throws LookupError: no value set and no default
 */
export class LookupError extends CorioError {
  static override readonly brand = "LookupError";
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options, "LookupError");
  }
}

/**
 * Thrown by `run()` when no task can ever make progress again while the main task is not done:
 * nothing is ready, no timer is set and nothing outside the loop is pending. The message lists
 * every task and what it waits on.
 *
 * @asyncio none: asyncio would block forever in `select()`. corio makes the hang loud instead.
 * @example
 * await run(function* () {
 *   yield* getRunningLoop().createFuture(); // nobody will ever set it
 * }()); // rejects with DeadlockError
 */
export class DeadlockError extends CorioError {
  static override readonly brand = "DeadlockError";
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options, "DeadlockError");
  }
}

/**
 * Rejects `run()` after a Ctrl-C (SIGINT) cancelled the main task and it finished cancelled: the
 * main task's `finally` blocks have run and every other task was cancelled and awaited.
 *
 * @asyncio Python's builtin `KeyboardInterrupt`, which `asyncio.run` raises in the same case.
 * @example
 * try {
 *   await run(main);
 * } catch (e) {
 *   if (e instanceof KeyboardInterrupt) console.error("interrupted");
 *   else throw e;
 * }
 */
export class KeyboardInterrupt extends CorioError {
  static override readonly brand = "KeyboardInterrupt";
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options, "KeyboardInterrupt");
  }
}

/**
 * Tells whether `value` is a {@link CancelledError} from any copy of corio.
 *
 * @example
 * catch (e) { if (!isCancelledError(e)) log(e); throw e; }
 *
 * @asyncio `isinstance(error, asyncio.CancelledError)`
 */
export function isCancelledError(value: unknown): value is CancelledError {
  return hasBrand(value, CancelledError.brand);
}

/**
 * Thrown by `getNowait()` on an empty queue.
 *
 * @asyncio `asyncio.QueueEmpty`
 * @example
 * try { queue.getNowait(); } catch (e) { if (e instanceof QueueEmpty) console.log("nothing yet"); }
 */
export class QueueEmpty extends CorioError {
  static override readonly brand = "QueueEmpty";
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options, "QueueEmpty");
  }
}

/**
 * Thrown by `putNowait()` on a full bounded queue.
 *
 * @asyncio `asyncio.QueueFull`
 * @example
 * try { queue.putNowait(job); } catch (e) { if (e instanceof QueueFull) dropped++; }
 */
export class QueueFull extends CorioError {
  static override readonly brand = "QueueFull";
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options, "QueueFull");
  }
}

/**
 * Thrown by queue operations once the queue is shut down (by `get` only when it is also empty,
 * unless shut down with `immediate`).
 *
 * @asyncio `asyncio.QueueShutDown` (Python 3.13)
 * @example
 * try { for (;;) handle(yield* queue.get()); } catch (e) { if (!(e instanceof QueueShutDown)) throw e; }
 */
export class QueueShutDown extends CorioError {
  static override readonly brand = "QueueShutDown";
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options, "QueueShutDown");
  }
}
