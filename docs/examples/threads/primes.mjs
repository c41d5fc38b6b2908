// Runs on worker threads for the "CPU work on threads" examples: plain JavaScript, no build step.

/** How many primes there are in [from, to): plain trial division, deliberately CPU-bound. */
export function countPrimes(from, to) {
  let count = 0;
  for (let n = Math.max(from, 2); n < to; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}

/** Refuses a range given backwards, to show how an error comes back from a thread. */
export function checkedCount(from, to) {
  if (to < from) throw new RangeError(`to must be at least from, got ${from}..${to}`);
  return countPrimes(from, to);
}

/** `countPrimes` for one `[from, to]` pair, the shape `ThreadPool.map` passes (one item a call). */
export function countRange([from, to]) {
  return countPrimes(from, to);
}
