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
