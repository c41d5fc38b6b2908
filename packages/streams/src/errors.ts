/**
 * The errors of @corio/streams: asyncio's two stream exceptions, and the "connection lost" error
 * that writers report after the peer went away.
 */
import { CorioError } from "@corio/interfaces";

/**
 * Thrown by `readexactly` (and `readuntil`) when the stream ends before the requested bytes
 * arrived. The bytes that did arrive are in `partial` and are no longer buffered.
 *
 * @asyncio `asyncio.IncompleteReadError`
 * @example
 * try {
 *   yield* reader.readexactly(4);
 * } catch (e) {
 *   if (e instanceof IncompleteReadError) console.log(`got ${e.partial.length} of ${e.expected}`);
 * }
 */
export class IncompleteReadError extends CorioError {
  static override readonly brand = "IncompleteReadError";
  /** The bytes read before the end of the stream. */
  readonly partial: Buffer;
  /** How many bytes were expected (`null`: "up to a separator", as from `readuntil`). */
  readonly expected: number | null;

  constructor(partial: Buffer, expected: number | null) {
    const wanted = expected === null ? "undefined" : String(expected);
    super(
      `${partial.length} bytes read on a total of ${wanted} expected bytes`,
      undefined,
      "IncompleteReadError",
    );
    this.partial = partial;
    this.expected = expected;
  }
}

/**
 * Thrown by `readuntil` (and `readline`) when the separator is not found within the reader's
 * `limit`. For `readuntil` the data stays buffered; `consumed` says how many bytes to skip.
 *
 * @asyncio `asyncio.LimitOverrunError`
 * @example
 * try {
 *   yield* reader.readuntil("\r\n");
 * } catch (e) {
 *   if (e instanceof LimitOverrunError) yield* reader.readexactly(e.consumed); // drop them
 * }
 */
export class LimitOverrunError extends CorioError {
  static override readonly brand = "LimitOverrunError";
  /** How many bytes can be consumed (read past) without passing the separator. */
  readonly consumed: number;

  constructor(message: string, consumed: number) {
    super(message, undefined, "LimitOverrunError");
    this.consumed = consumed;
  }
}

/** A Node-style error for a connection that is gone: name ConnectionResetError, code ECONNRESET. */
export function connectionLost(message = "Connection lost"): Error {
  const error = new Error(message) as Error & { code: string };
  error.name = "ConnectionResetError";
  error.code = "ECONNRESET";
  return error;
}
