/**
 * The three ioredis connections a queue uses, and how they are opened: one for commands, one that
 * may block in `XREADGROUP`, one subscribed to the queue's events. A server that is not there fails
 * the open with `RedisUnavailable`; once open, ioredis reconnects by itself (see the README).
 */
import { Redis, type RedisOptions } from "ioredis";
import { RedisUnavailable, type Settings } from "./options.js";
import * as S from "./scripts.js";

/** The scripts, registered on the command connection (sent by SHA, reloaded if Redis restarts). */
export interface Commands {
  corioOpen(
    stream: string,
    meta: string,
    group: string,
    maxsize: number | string,
  ): Promise<unknown[]>;
  corioPut(
    stream: string,
    meta: string,
    group: string,
    maxsize: number,
    ...items: string[]
  ): Promise<number[]>;
  corioRead(
    stream: string,
    meta: string,
    channel: string,
    group: string,
    consumer: string,
    count: number,
    maxsize: number,
  ): Promise<[[string, string[]][], number, number, string]>;
  corioAck(
    stream: string,
    meta: string,
    channel: string,
    group: string,
    maxsize: number,
    ...ids: string[]
  ): Promise<number[]>;
  corioHandBack(
    stream: string,
    meta: string,
    channel: string,
    group: string,
    ...ids: string[]
  ): Promise<number>;
  corioDeadLetter(
    stream: string,
    meta: string,
    channel: string,
    dead: string,
    group: string,
    id: string,
    reason: string,
  ): Promise<number>;
  corioShutdown(
    stream: string,
    meta: string,
    channel: string,
    group: string,
    immediate: string,
    ...items: string[]
  ): Promise<number[]>;
  corioLeave(stream: string, group: string, consumer: string): Promise<number>;
  corioState(stream: string, meta: string, group: string): Promise<[number, number, string]>;
}

export type CommandClient = Redis & Commands;

/** @internal The queue's connections. */
export interface Connections {
  cmd: CommandClient;
  reader: Redis;
  sub: Redis;
}

function where(settings: Settings<unknown>): string {
  const r = settings.redis;
  if (typeof r === "string") return r.replace(/\/\/[^@/]*@/, "//***@"); // no password in messages
  return `${r.host ?? "127.0.0.1"}:${r.port ?? 6379}`;
}

function client(settings: Settings<unknown>, connected: { value: boolean }): Redis {
  const extra: RedisOptions = {
    lazyConnect: true,
    connectTimeout: settings.connectTimeoutMs,
    // Before the first connection, fail at once (the open reports it); after, back off up to 2 s.
    retryStrategy: (times) => (connected.value ? Math.min(50 * times, 2000) : null),
    maxRetriesPerRequest: 20,
  };
  return typeof settings.redis === "string"
    ? new Redis(settings.redis, extra)
    : new Redis({ ...settings.redis, ...extra });
}

/** @internal Opens the three connections, or fails with `RedisUnavailable` saying where and why. */
export async function openConnections(settings: Settings<unknown>): Promise<Connections> {
  const connected = { value: false };
  const cmd = client(settings, connected) as CommandClient;
  const reader = client(settings, connected);
  const sub = client(settings, connected);
  const all = [cmd, reader, sub];
  // ioredis also emits "error" events while reconnecting; the failures that matter reach the
  // operations (and the open) as rejections, so the events only need a listener.
  for (const c of all) c.on("error", () => {});
  try {
    await Promise.all(all.map((c) => c.connect()));
  } catch (e) {
    for (const c of all) c.disconnect();
    const why = e instanceof Error ? e.message : String(e);
    throw new RedisUnavailable(
      `openRedisQueue(options): cannot reach Redis at ${where(settings)} (options.redis): ${why}`,
      { cause: e },
    );
  }
  connected.value = true;
  cmd.defineCommand("corioOpen", { numberOfKeys: 2, lua: S.OPEN });
  cmd.defineCommand("corioPut", { numberOfKeys: 2, lua: S.PUT });
  cmd.defineCommand("corioRead", { numberOfKeys: 3, lua: S.READ });
  cmd.defineCommand("corioAck", { numberOfKeys: 3, lua: S.ACK });
  cmd.defineCommand("corioHandBack", { numberOfKeys: 3, lua: S.HAND_BACK });
  cmd.defineCommand("corioDeadLetter", { numberOfKeys: 4, lua: S.DEAD_LETTER });
  cmd.defineCommand("corioShutdown", { numberOfKeys: 3, lua: S.SHUTDOWN });
  cmd.defineCommand("corioLeave", { numberOfKeys: 1, lua: S.LEAVE });
  cmd.defineCommand("corioState", { numberOfKeys: 2, lua: S.STATE });
  return { cmd, reader, sub };
}
