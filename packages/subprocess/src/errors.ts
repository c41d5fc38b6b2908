/**
 * The error of @corio/subprocess itself; the pipes' `IncompleteReadError` and `LimitOverrunError`
 * are @corio/streams', re-exported from index.ts.
 */
import * as I from "@corio/interfaces";

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
