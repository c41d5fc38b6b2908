// Smoke run of the Redis queue benchmark (src/redis/main.ts): a tiny size, one repetition; both
// systems must drain the queue with 1 and 4 consumer processes and report positive rates.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { BENCH_DIR } from "../src/runner.js";

it("the Redis queue benchmark drains 200 items through corio and BullMQ with 1 and 4 consumers", async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      "--import",
      "tsx",
      join(BENCH_DIR, "src", "redis", "main.ts"),
      "--n",
      "200",
      "--reps",
      "1",
      "--json",
    ],
    { cwd: BENCH_DIR, timeout: 110_000 },
  );
  const result = JSON.parse(stdout.trim().split("\n").pop()!) as {
    rows: { consumers: number; corio: number; bullmq: number }[];
  };
  expect(result.rows.map((r) => r.consumers)).toEqual([1, 4]);
  for (const r of result.rows) {
    expect(r.corio).toBeGreaterThan(0);
    expect(r.bullmq).toBeGreaterThan(0);
  }
}, 120_000);
