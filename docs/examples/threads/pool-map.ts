import { ThreadPool } from "@corio/threads";

const primes = new URL("./primes.mjs", import.meta.url);

export function* main() {
  const pool = new ThreadPool({ maxWorkers: 2 }); // the default is one worker per core
  try {
    // Four ranges on two workers; map() calls countRange(range) once per range, in order.
    const ranges = [0, 1, 2, 3].map((i) => [i * 250_000, (i + 1) * 250_000]);
    const counts = yield* pool.map<number>(primes, "countRange", ranges);
    console.log(`per range: ${counts.join(", ")}`);
    console.log(`in all: ${counts.reduce((a, b) => a + b, 0)}`);
  } finally {
    yield* pool.shutdown(); // new jobs are refused; waits until every worker has exited
  }
}
