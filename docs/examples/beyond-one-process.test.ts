// Runs the examples of "Beyond one process" (docs/guide/beyond-one-process.md and its Chinese
// twin): the in-memory version under the virtual clock, then the Redis version as real processes
// (one producer, two consumers) against a redis-server this file starts and stops.
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type EventLoop, run } from "corio";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { type RedisServer, startRedis } from "../../packages/queue-redis/test/redis-server.js";
import { main } from "./beyond/roles.js";

const here = dirname(fileURLToPath(import.meta.url));
let server: RedisServer;
beforeAll(async () => {
  server = await startRedis();
});
afterAll(() => server.stop());

it("the in-memory version: two consumers share ten numbers, done at 75 ms", async () => {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => {
    lines.push(a.join(" "));
  });
  let loop: EventLoop | undefined;
  try {
    await run(main, { clock: "virtual", setup: (l) => (loop = l) });
  } finally {
    spy.mockRestore();
  }
  expect(lines).toEqual([
    "consumer A handled 11",
    "consumer B handled 21",
    "consumer A handled 12",
    "consumer B handled 22",
    "consumer A handled 13",
    "consumer B handled 23",
    "consumer A handled 14",
    "consumer B handled 24",
    "consumer A handled 15",
    "consumer B handled 25",
    "75 ms: all handled",
  ]);
  expect(loop?.time()).toBe(75);
});

function start(role: string): { proc: ChildProcess; out: Promise<string>; ready: Promise<void> } {
  const proc = spawn(
    process.execPath,
    ["--import", "tsx", join(here, "beyond", "redis.ts"), role],
    {
      cwd: here,
      env: { ...process.env, REDIS_URL: server.url },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let text = "";
  let onReady = () => {};
  const ready = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  proc.stdout!.on("data", (d) => {
    text += d;
    if (text.includes(": ready")) onReady();
  });
  const out = new Promise<string>((resolve, reject) =>
    proc.on("exit", (code) =>
      code === 0 ? resolve(text) : reject(new Error(`${role} exited ${code}: ${text}`)),
    ),
  );
  return { proc, out, ready };
}

it("the Redis version: one producer and two consumer processes handle every number once", async () => {
  const consumers = [start("consumer"), start("consumer")];
  // Wait until both consumers are connected, so both take part.
  await Promise.all(consumers.map((c) => c.ready));
  const producer = start("producer");
  const [p, ...cs] = await Promise.all([producer.out, ...consumers.map((c) => c.out)]);
  expect(p.trim()).toBe("producer: all handled, shutting the queue down");
  const handled = cs
    .flatMap((t) => t.split("\n"))
    .filter((l) => l.includes(" handled "))
    .map((l) => Number(l.split(" handled ")[1]))
    .sort((a, b) => a - b);
  expect(handled).toEqual([11, 12, 13, 14, 15, 21, 22, 23, 24, 25]);
}, 60_000);
