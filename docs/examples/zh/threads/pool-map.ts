import { ThreadPool } from "@corio/threads";

const primes = new URL("./primes.mjs", import.meta.url);

export function* main() {
  const pool = new ThreadPool({ maxWorkers: 2 }); // 默认每核一个 worker
  try {
    // 四个区间交给两个 worker；map() 按顺序为每个区间
    // 调用一次 countRange(range)。
    const ranges = [0, 1, 2, 3].map((i) => [i * 250_000, (i + 1) * 250_000]);
    const counts = yield* pool.map<number>(primes, "countRange", ranges);
    console.log(`per range: ${counts.join(", ")}`);
    console.log(`in all: ${counts.reduce((a, b) => a + b, 0)}`);
  } finally {
    yield* pool.shutdown(); // 不再接新活；等到每个 worker 都退出
  }
}
