// Four real processes share one queue through Redis: a producer and three consumers, one of which
// is killed with SIGKILL while it holds entries. Nothing may be lost, and the only items processed
// twice must be among the entries the killed consumer had not acknowledged.
import { type ChildProcess, spawn } from "node:child_process";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { afterAll, describe, expect, inject, it } from "vitest";

const url = inject("redisUrl");
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");
const children: ChildProcess[] = [];

interface Child {
  proc: ChildProcess;
  lines: string[];
  waitFor(pred: (lines: string[]) => boolean): Promise<void>;
  exited: Promise<number | null>;
}

function start(script: string, args: string[]): Child {
  const proc = spawn(
    process.execPath,
    ["--import", "tsx", join(here, "fixtures", script), ...args],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  children.push(proc);
  const lines: string[] = [];
  let waiters: (() => void)[] = [];
  let buf = "";
  let err = "";
  proc.stdout!.on("data", (d: Buffer) => {
    buf += d;
    const parts = buf.split("\n");
    buf = parts.pop()!;
    lines.push(...parts);
    for (const w of waiters) w();
  });
  proc.stderr!.on("data", (d: Buffer) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => {
    proc.on("exit", (code) => {
      if (code !== 0 && code !== null && err) console.error(`${script}: ${err}`);
      for (const w of waiters) w();
      resolve(code);
    });
  });
  return {
    proc,
    lines,
    exited,
    waitFor: (pred) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pred(lines)) {
            waiters = waiters.filter((w) => w !== check);
            resolve();
          } else if (proc.exitCode !== null || proc.signalCode !== null) {
            reject(
              new Error(`${script} exited (${proc.exitCode ?? proc.signalCode}) before: ${err}`),
            );
          }
        };
        waiters.push(check);
        check();
      }),
  };
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

const processed = (lines: string[]) =>
  lines.filter((l) => l.startsWith("processed ")).map((l) => Number(l.slice(10)));

describe("one producer and three consumer processes", () => {
  it("every item is processed at least once after a consumer is killed, duplicates only from its unacknowledged entries", async () => {
    const key = `procs-${process.pid}`;
    const count = 300;
    const consumers = [0, 1, 2].map(() => start("consumer.ts", [url, key, "300", "50"]));
    await Promise.all(consumers.map((c) => c.waitFor((l) => l.includes("ready"))));
    const producer = start("producer.ts", [url, key, String(count)]);
    const victim = consumers[0]!;
    await Promise.race([
      victim.waitFor((l) => processed(l).length >= 20),
      producer.exited.then((code) => {
        throw new Error(`the producer exited early (${code})`);
      }),
    ]);
    victim.proc.kill("SIGKILL");
    await victim.exited;

    // What the killed consumer held without acknowledgement, read from Redis right away.
    const redis = new Redis(url);
    const pendingIds = (await redis.xpending(key, "corio", "-", "+", 1000)) as [string, string][];
    // Consumer names are host-pid-random: keep the entries pending under the killed one.
    const victimName = `${hostname()}-${victim.proc.pid}-`;
    const unacked = new Set<number>();
    for (const [id, owner] of pendingIds) {
      if (!owner.startsWith(victimName)) continue;
      const entry = (await redis.xrange(key, id, id))[0];
      if (entry !== undefined) unacked.add(Number(JSON.parse(entry[1][1]!)));
    }

    expect(await producer.exited).toBe(0);
    const survivors = consumers.slice(1);
    for (const c of survivors) expect(await c.exited).toBe(0);

    const all = consumers.flatMap((c) => processed(c.lines));
    const seen = new Map<number, number>();
    for (const n of all) seen.set(n, (seen.get(n) ?? 0) + 1);
    const missing = Array.from({ length: count }, (_, i) => i).filter((n) => !seen.has(n));
    const duplicates = [...seen].filter(([, k]) => k > 1).map(([n]) => n);
    expect(missing).toEqual([]);
    expect(duplicates.filter((n) => !unacked.has(n))).toEqual([]);
    expect(await redis.xlen(key)).toBe(0);
    console.log(
      `processed ${all.length} for ${count} items; the killed consumer held ${unacked.size} unacknowledged, ${duplicates.length} processed twice`,
    );
    await redis.quit();
  }, 20_000);
});
