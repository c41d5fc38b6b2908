import { toThread } from "@corio/threads";
import { createTask } from "corio";

// A function cannot be sent to another thread, so a job names a module file and an export.
const primes = new URL("./primes.mjs", import.meta.url);

export function* main() {
  const job = createTask(toThread<number>(primes, "countPrimes", [0, 1_000_000]));
  console.log("counting on a worker thread; the loop stays free for other tasks");
  const count = yield* job;
  console.log(`${count} primes below 1,000,000`);
}
