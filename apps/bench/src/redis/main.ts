// `pnpm --filter @corio/bench bench:redis`: corio's RedisQueue against BullMQ on one redis-server
// that this script starts (Debian's, free port, temporary directory), side by side in one run.
//
// For each system and each number of consumer processes (1 and 4): start the consumers (each
// with `concurrency` workers), fill the queue with `n` small items from this process (that is the
// put rate), tell the consumers to go, and time until every item is processed and acknowledged
// (that is the consume rate). Both deliver at least once: an item is acknowledged only after its
// worker returned, and an item whose consumer died comes back (corio: XAUTOCLAIM after
// claimIdleMs; BullMQ: the stalled-job check moves it back to wait).
//
// Flags: --n N (default 20000), --reps R (default 3), --concurrency C (default 16), --json (print
// one JSON line), --no-write (do not write results/redis.md).
import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { openRedisQueue } from "@corio/queue-redis";
import { Queue } from "bullmq";
import { run } from "corio";
import { Redis } from "ioredis";
import { startRedis } from "../../../../packages/queue-redis/test/redis-server.js";

const here = dirname(fileURLToPath(import.meta.url));
const flag = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = flag("n", 20_000);
const REPS = flag("reps", 3);
const CONCURRENCY = flag("concurrency", 16);
const CHUNK = 1000;

type System = "corio" | "bullmq";
interface Sample {
  system: System;
  consumers: number;
  putRate: number;
  consumeRate: number;
}

function startConsumer(system: System, url: string, key: string): Promise<ChildProcess> {
  const file = join(here, system === "corio" ? "consumer-corio.ts" : "consumer-bullmq.ts");
  const child = spawn(process.execPath, ["--import", "tsx", file, url, key, String(CONCURRENCY)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      if (String(d).includes("ready")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`${system} consumer exited with ${code}`)));
  });
}

/** Fills the queue with `N` items; returns items per second. */
async function fill(system: System, url: string, key: string): Promise<number> {
  const t0 = performance.now();
  if (system === "corio") {
    await run(
      (function* () {
        const queue = yield* openRedisQueue<{ n: number }>({ key, redis: url });
        for (let n = 0; n < N; n++) {
          // putNowait() batches into one script call per loop batch; the put() at each chunk's end
          // returns once everything before it is stored.
          if (n % CHUNK === CHUNK - 1 || n === N - 1) yield* queue.put({ n });
          else queue.putNowait({ n });
        }
        yield* queue.close();
      })(),
    );
  } else {
    const { hostname, port } = new URL(url);
    const queue = new Queue(key, { connection: { host: hostname, port: Number(port) } });
    for (let n = 0; n < N; n += CHUNK) {
      const jobs = [];
      for (let i = n; i < Math.min(N, n + CHUNK); i++) {
        jobs.push({
          name: "job",
          data: { n: i },
          opts: { removeOnComplete: true, removeOnFail: true },
        });
      }
      await queue.addBulk(jobs);
    }
    await queue.close();
  }
  return (N / (performance.now() - t0)) * 1000;
}

/** Waits until every item was processed and acknowledged. */
async function drained(system: System, redis: Redis, key: string): Promise<void> {
  for (;;) {
    const left =
      system === "corio"
        ? await redis.xlen(key)
        : (await redis.llen(`bull:${key}:wait`)) + (await redis.llen(`bull:${key}:active`));
    if (left === 0) return;
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function once(
  system: System,
  consumers: number,
  url: string,
  redis: Redis,
  rep: number,
): Promise<Sample> {
  const key = `bench-${system}-${consumers}-${rep}`;
  const children = await Promise.all(
    Array.from({ length: consumers }, () => startConsumer(system, url, key)),
  );
  const putRate = await fill(system, url, key);
  const t0 = performance.now();
  for (const c of children) c.stdin!.write("go\n");
  await drained(system, redis, key);
  const consumeRate = (N / (performance.now() - t0)) * 1000;
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          c.removeAllListeners("exit");
          c.once("exit", () => resolve());
          c.stdin!.write("stop\n");
        }),
    ),
  );
  return { system, consumers, putRate, consumeRate };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (v: number) => (v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : `${(v / 1e3).toFixed(1)}k`);

async function main(): Promise<void> {
  const server = await startRedis();
  const redis = new Redis(server.url);
  const samples: Sample[] = [];
  try {
    for (let rep = 0; rep < REPS; rep++) {
      for (const consumers of [1, 4]) {
        for (const system of ["corio", "bullmq"] as const) {
          const s = await once(system, consumers, server.url, redis, rep);
          samples.push(s);
          process.stderr.write(
            `  rep ${rep + 1}/${REPS} ${system} ${consumers} consumer(s): put ${fmt(s.putRate)}/s, consume ${fmt(s.consumeRate)}/s\n`,
          );
        }
      }
    }
  } finally {
    await redis.quit();
    await server.stop();
  }
  const pick = (system: System, consumers: number, k: "putRate" | "consumeRate") =>
    median(
      samples.filter((s) => s.system === system && s.consumers === consumers).map((s) => s[k]),
    );
  const rows = [1, 4].map((c) => ({
    consumers: c,
    corio: pick("corio", c, "consumeRate"),
    bullmq: pick("bullmq", c, "consumeRate"),
    corioPut: pick("corio", c, "putRate"),
    bullmqPut: pick("bullmq", c, "putRate"),
  }));
  if (process.argv.includes("--json")) {
    process.stdout.write(
      `${JSON.stringify({ n: N, reps: REPS, concurrency: CONCURRENCY, rows })}\n`,
    );
    return;
  }
  const lines = [
    `# Redis queue: corio's RedisQueue against BullMQ ${bullmqVersion()}`,
    "",
    `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${cpus().length} × ${cpus()[0]?.model ?? "?"}, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} (a shared machine). ${N} items, ${CONCURRENCY} workers per consumer process, median of ${REPS} repetitions, one redis-server for both.`,
    "",
    "| consumer processes | corio RedisQueue consume | BullMQ consume | ratio | corio put | BullMQ addBulk |",
    "|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.consumers} | ${fmt(r.corio)}/s | ${fmt(r.bullmq)}/s | ${(r.corio / r.bullmq).toFixed(2)}× | ${fmt(r.corioPut)}/s | ${fmt(r.bullmqPut)}/s |`,
    ),
    "",
    "Delivery: at least once for both (acknowledged after the worker returns; a dead consumer's items come back).",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  if (!process.argv.includes("--no-write")) {
    writeFileSync(join(here, "..", "..", "results", "redis.md"), `${lines.join("\n")}\n`);
  }
}

function bullmqVersion(): string {
  const require = createRequire(import.meta.url);
  return (require("bullmq/package.json") as { version: string }).version;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
