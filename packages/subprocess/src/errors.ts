/**
 * The errors of @corio/subprocess. `IncompleteReadError` and `LimitOverrunError` carry the brands
 * `@corio/streams` uses for its own, so `instanceof` agrees across the two packages (see
 * `CorioError` in @corio/interfaces); once the streams package is merged these become re-exports.
 */
import * as I from "@corio/interfaces";

/**
 * Thrown by `readexactly()` and `readuntil()` when the stream ends first.
 *
 * @asyncio `asyncio.IncompleteReadError`
 * @example
 * try {
 *   yield* proc.stdout!.readexactly(4);
 * } catch (e) {
 *   if (e instanceof IncompleteReadError) console.log(`only ${e.partial.length} bytes`);
 * }
 */
export class IncompleteReadError extends I.CorioError {
  static override readonly brand = "IncompleteReadError";
  /** The bytes read before the end. */
  readonly partial: Uint8Array;
  /** How many bytes were expected, or `null` when reading up to a separator. */
  readonly expected: number | null;

  constructor(partial: Uint8Array, expected: number | null) {
    super(
      `${partial.length} bytes read on a total of ${expected === null ? "undefined" : expected} expected bytes`,
      undefined,
      "IncompleteReadError",
    );
    this.partial = partial;
    this.expected = expected;
  }
}

/**
 * Thrown by `readuntil()` when `limit` bytes arrive without the separator; the bytes stay buffered.
 *
 * @asyncio `asyncio.LimitOverrunError`
 * @example
 * try {
 *   yield* proc.stdout!.readuntil("\n");
 * } catch (e) {
 *   if (e instanceof LimitOverrunError) yield* proc.stdout!.read(e.consumed);
 * }
 */
export class LimitOverrunError extends I.CorioError {
  static override readonly brand = "LimitOverrunError";
  /** How many bytes to read to get past the data that overran the limit. */
  readonly consumed: number;

  constructor(message: string, consumed: number) {
    super(message, undefined, "LimitOverrunError");
    this.consumed = consumed;
  }
}

/**
 * Thrown by `sendSignal()`, `terminate()` and `kill()` once the process has exited and its pipes
 * have closed (`wait()` has returned).
 *
 * @asyncio Python's builtin `ProcessLookupError`, raised by asyncio in the same case.
 * @example
 * yield* proc.wait();
 * proc.kill(); // throws ProcessLookupError
 */
export class ProcessLookupError extends I.CorioError {
  static override readonly brand = "ProcessLookupError";
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options, "ProcessLookupError");
  }
}
