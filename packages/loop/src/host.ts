// The few host facilities the loop needs, feature-detected so the same build runs in Node and in
// browsers. Nothing here is Node-only: setImmediate is used where it exists, MessageChannel next,
// and setTimeout(0) last.

/** Milliseconds from a monotonic clock. */
export const realNow: () => number =
  typeof performance !== "undefined" && typeof performance.now === "function"
    ? () => performance.now()
    : () => Date.now();

type Immediate = (callback: () => void) => void;

function pickImmediate(): Immediate {
  const g = globalThis as { setImmediate?: (cb: () => void) => unknown };
  if (typeof g.setImmediate === "function") {
    const si = g.setImmediate;
    return (callback) => {
      si(callback);
    };
  }
  if (typeof MessageChannel === "function") {
    // One channel for the whole page: a queue of callbacks drained one per message.
    const queue: (() => void)[] = [];
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const callback = queue.shift();
      if (callback !== undefined) callback();
    };
    return (callback) => {
      queue.push(callback);
      channel.port2.postMessage(null);
    };
  }
  return (callback) => {
    setTimeout(callback, 0);
  };
}

/** Runs `callback` in a later macrotask, after pending I/O and promise callbacks. */
export const scheduleImmediate: Immediate = pickImmediate();

const queueMicro: (callback: () => void) => void =
  typeof queueMicrotask === "function"
    ? (callback) => queueMicrotask(callback)
    : (callback) => {
        Promise.resolve().then(callback);
      };

/**
 * Wraps `callback` so that it runs in a microtask queued by the host callback that calls it.
 *
 * Why: V8 builds a message object (with the source location of the throw) for every exception
 * thrown while no native try-catch is on the stack, even one that JavaScript catches a few frames
 * up. Node runs timer and immediate callbacks without one and microtasks with one, so a throw in a
 * loop batch costs about half as much from a microtask (measured 0.51 vs 0.26 us per throw), and
 * every cancellation is at least two throws: into the cancelled coroutine, and out of `yield*` on
 * the cancelled task. The batch still starts from the same macrotask, so the host's I/O and timers
 * get their turns between batches.
 */
export function viaMicrotask(callback: () => void): () => void {
  return () => queueMicro(callback);
}
