import { ThreadPool, toThread } from "@corio/threads";
import { TimeoutError, waitFor } from "corio";

const primes = new URL("./primes.mjs", import.meta.url);

export function* main() {
  const pool = new ThreadPool({ maxWorkers: 1 });
  try {
    // Far too much work for 200 ms. "terminate" kills the worker when the wait is cancelled;
    // the default, "abandon", would let it run on and drop its answer.
    const huge = toThread(primes, "countPrimes", [0, 1e12], { pool, onCancel: "terminate" });
    yield* waitFor(huge, 200);
  } catch (error) {
    if (error instanceof TimeoutError) console.log("gave up after 200 ms");
  }
  console.log(`busy workers: ${pool.statistics().busy}`);
  console.log(`next job: ${yield* toThread(primes, "countPrimes", [0, 100], { pool })} primes`);
  yield* pool.shutdown();
}
