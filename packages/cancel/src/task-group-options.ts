// The options of a task group and of its graceful cancel, and their checks.
import { describeValue } from "./util.js";

/**
 * Options for {@link taskGroup} and {@link TaskGroup.run}.
 *
 * @asyncio none (asyncio has no AbortSignal)
 *
 * @example
 * const tg = new TaskGroup({ signal: AbortSignal.timeout(5000) });
 */
export interface TaskGroupOptions {
  /** When this signal aborts, the group is cancelled as by `tg.cancel(reason)`. */
  signal?: AbortSignal | undefined;
  /**
   * Supervisor mode: a child that fails does not cancel its siblings or the block; every failure
   * is collected and the block throws them together, as one {@link ExceptionGroup}, when it ends.
   * The block's own error and a cancellation from outside still cancel every child. Default false.
   */
  supervisor?: boolean | undefined;
}

/**
 * Options for {@link TaskGroup.cancel}.
 *
 * @asyncio none: graceful cancellation is trio#147's request, which asyncio does not have.
 *
 * @example
 * tg.cancel({ grace: 1000 }); // children get 1 s after stopSignal aborts
 */
export interface TaskGroupCancelOptions {
  /**
   * Milliseconds (loop time) the children get to finish after `stopSignal` aborts, before they
   * and the block are cancelled. 0 or absent: cancel at once.
   */
  grace?: number | undefined;
}

/** Checks `TaskGroup.cancel`'s options; the grace period in ms, or null for none. */
export function checkGrace(options: TaskGroupCancelOptions | undefined): number | null {
  if (options === undefined) return null;
  if (options === null || typeof options !== "object") {
    throw new TypeError(
      `TaskGroup.cancel(message, options): options must be an object, got ${describeValue(options)}`,
    );
  }
  const grace = options.grace;
  if (grace === undefined) return null;
  if (typeof grace !== "number") {
    throw new TypeError(
      `TaskGroup.cancel(message, options): options.grace must be a number of milliseconds, got ${describeValue(grace)}`,
    );
  }
  if (!(grace >= 0)) {
    throw new RangeError(
      `TaskGroup.cancel(message, options): options.grace must be 0 or more milliseconds, got ${grace}`,
    );
  }
  return grace > 0 ? grace : null;
}
