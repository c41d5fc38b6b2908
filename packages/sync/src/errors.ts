import { CorioError } from "@corio/interfaces";

/**
 * Thrown by `Barrier.wait()` when the barrier is aborted, or reset while tasks wait on it, and by
 * every `wait()` on a barrier that stays broken until `reset()`.
 *
 * Branded like every corio error: `instanceof` works across two copies of `@corio/sync`.
 *
 * @asyncio `asyncio.BrokenBarrierError`
 * @example
 * try {
 *   yield* barrier.wait();
 * } catch (e) {
 *   if (e instanceof BrokenBarrierError) console.log("the barrier was aborted");
 *   else throw e;
 * }
 */
export class BrokenBarrierError extends CorioError {
  static override readonly brand = "BrokenBarrierError";
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options, "BrokenBarrierError");
  }
}
