/**
 * The lists of parked futures a `RedisQueue` keeps (getters, putters, joiners) and how they wake.
 */
import type { Future } from "@corio/interfaces";

/** @internal Removes `item` from `list` if it is there. */
export function removeFrom<X>(list: X[], item: X): void {
  const i = list.indexOf(item);
  if (i !== -1) list.splice(i, 1);
}

/** @internal Wakes the first waiter still waiting and returns it (null if none). */
export function wakeNext(waiters: Future<void>[]): Future<void> | null {
  while (waiters.length !== 0) {
    const w = waiters.shift()!;
    if (!w.done()) {
      w.setResult(undefined);
      return w;
    }
  }
  return null;
}

/** @internal Wakes every waiter. */
export function wakeAll(waiters: Future<void>[]): void {
  for (const w of waiters.splice(0)) if (!w.done()) w.setResult(undefined);
}
