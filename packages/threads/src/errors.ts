// The one error this package adds, and how an error thrown in a worker is rebuilt on the main
// thread with its type name, message, stack and own properties.
import * as I from "@corio/interfaces";

const { CorioError } = I;

/**
 * A worker thread died (an uncaught error outside the job's own promise, `process.exit()`, running
 * out of memory) while it ran a job; the job fails with this error, the worker is replaced.
 *
 * @asyncio none: a crashed thread pool breaks for good (`concurrent.futures.thread.BrokenThreadPool`);
 * corio replaces the worker and keeps the pool usable.
 * @example
 * try {
 *   yield* toThread(url, "exitsTheThread");
 * } catch (error) {
 *   if (error instanceof WorkerCrashedError) console.log(error.exitCode, error.cause);
 * }
 */
export class WorkerCrashedError extends CorioError {
  static override readonly brand = "WorkerCrashedError";
  /** The worker's exit code. */
  readonly exitCode: number;
  constructor(message: string, exitCode: number, options?: ErrorOptions) {
    super(message, options, "WorkerCrashedError");
    this.exitCode = exitCode;
  }
}

/** What the worker sends for a thrown value: an error's parts, or the value itself. */
export type Failure =
  | {
      name: string;
      message: string;
      stack?: string;
      props?: Record<string, unknown>;
      value?: undefined;
    }
  | { value: unknown; name?: undefined };

const BUILTINS: Record<string, ErrorConstructor> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};

/**
 * Rebuilds a worker's error: a built-in type comes back as that type, any other as an `Error`
 * whose `name` is the original class name; the stack is the worker's (where the error happened).
 */
export function rebuildError(failure: Failure): unknown {
  if (failure.name === undefined) return failure.value;
  const Ctor = BUILTINS[failure.name] ?? Error;
  const error = new Ctor(failure.message);
  if (Ctor === Error && failure.name !== "Error") {
    Object.defineProperty(error, "name", {
      value: failure.name,
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
  if (failure.props !== undefined) Object.assign(error, failure.props);
  if (failure.stack !== undefined) error.stack = failure.stack;
  return error;
}
