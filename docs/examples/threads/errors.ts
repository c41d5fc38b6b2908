import { toThread } from "@corio/threads";

const primes = new URL("./primes.mjs", import.meta.url);

export function* main() {
  try {
    yield* toThread(primes, "checkedCount", [100, 10]);
  } catch (error) {
    // The error is rebuilt on this side: same type, same message, the worker's stack.
    console.log(error instanceof RangeError, (error as Error).message);
    console.log((error as Error).stack?.split("\n")[1]?.includes("primes.mjs"));
  }
}
