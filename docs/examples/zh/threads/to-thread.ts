import { toThread } from "@corio/threads";
import { createTask } from "corio";

// 函数没法发送到另一个线程，所以一项工作要写明模块文件和导出名。
const primes = new URL("./primes.mjs", import.meta.url);

export function* main() {
  const job = createTask(toThread<number>(primes, "countPrimes", [0, 1_000_000]));
  console.log("counting on a worker thread; the loop stays free for other tasks");
  const count = yield* job;
  console.log(`${count} primes below 1,000,000`);
}
