import { ThreadPool, toThread } from "@corio/threads";
import { TimeoutError, waitFor } from "corio";

const primes = new URL("./primes.mjs", import.meta.url);

export function* main() {
  const pool = new ThreadPool({ maxWorkers: 1 });
  try {
    // 这么多活 200 ms 根本干不完。"terminate" 在等待被取消时杀掉
    // worker；默认的 "abandon" 则任它接着跑，只是把结果扔掉。
    const huge = toThread(primes, "countPrimes", [0, 1e12], { pool, onCancel: "terminate" });
    yield* waitFor(huge, 200);
  } catch (error) {
    if (error instanceof TimeoutError) console.log("gave up after 200 ms");
  }
  console.log(`busy workers: ${pool.statistics().busy}`);
  console.log(`next job: ${yield* toThread(primes, "countPrimes", [0, 100], { pool })} primes`);
  yield* pool.shutdown();
}
