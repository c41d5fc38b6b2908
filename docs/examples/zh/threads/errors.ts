import { toThread } from "@corio/threads";

const primes = new URL("./primes.mjs", import.meta.url);

export function* main() {
  try {
    yield* toThread(primes, "checkedCount", [100, 10]);
  } catch (error) {
    // 错误在这一侧重建：类型、消息都不变，栈是 worker 里的。
    console.log(error instanceof RangeError, (error as Error).message);
    console.log((error as Error).stack?.split("\n")[1]?.includes("primes.mjs"));
  }
}
