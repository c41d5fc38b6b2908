/**
 * The options of `openRedisQueue`, their defaults and their checks, and the codec contract.
 */
import { CorioError, describeValue as describe } from "@corio/interfaces";
import type { RedisOptions } from "ioredis";

/**
 * Turns items into the strings stored in Redis and back. Every process sharing a queue must use the
 * same codec.
 *
 * @example
 * const dates: Codec<Date> = { encode: (d) => d.toISOString(), decode: (s) => new Date(s) };
 *
 * @asyncio none: an `asyncio.Queue` holds Python objects; a Redis stream holds strings
 */
export interface Codec<T> {
  /** Encodes one item; throws if it cannot. */
  encode(item: T): string;
  /** Decodes what `encode` produced. */
  decode(data: string): T;
}

/**
 * The default codec: `JSON.stringify` / `JSON.parse`. Items must survive a JSON round trip
 * (`undefined`, functions, symbols and `BigInt` do not; a `Date` comes back as a string).
 *
 * @example
 * const queue = yield* openRedisQueue({ key: "jobs", codec: jsonCodec });
 *
 * @asyncio none: `json.dumps` / `json.loads` by hand
 */
export const jsonCodec: Codec<unknown> = {
  encode(item: unknown): string {
    const data = JSON.stringify(item);
    if (typeof data !== "string") {
      throw new TypeError(`JSON cannot encode ${describe(item)}`);
    }
    return data;
  },
  decode(data: string): unknown {
    return JSON.parse(data);
  },
};

/**
 * What {@link openRedisQueue} accepts.
 *
 * @asyncio the `maxsize` of `asyncio.Queue`, plus where the queue lives in Redis
 * @example
 * const queue = yield* openRedisQueue<Job>({ key: "jobs", maxsize: 100, group: "workers" });
 */
export interface RedisQueueOptions<T> {
  /** The stream's key; `key:meta`, `key:events` and `key:dead` sit beside it. */
  key: string;
  /** Where Redis is: a `redis://` URL or ioredis options. Default `redis://127.0.0.1:6379`. */
  redis?: string | RedisOptions;
  /**
   * The bound across every process (0 or less: unbounded). The first process to open the queue
   * stores it; a process that leaves it out uses the stored one, and one that gives a different
   * bound gets a `RangeError`. Default: the stored bound, or unbounded for a new queue.
   */
  maxsize?: number;
  /** The consumer group. Default `"corio"`. */
  group?: string;
  /** This process's consumer name in the group. Default `host-pid-random`. */
  consumer?: string;
  /** Encodes items. Default {@link jsonCodec}. */
  codec?: Codec<T>;
  /**
   * How long (ms, wall clock) an entry may sit unacknowledged with a consumer that stopped
   * renewing it before another consumer takes it over (`XAUTOCLAIM`). Default 30 000.
   */
  claimIdleMs?: number;
  /** How long (ms) to try to reach Redis when opening. Default 5 000. */
  connectTimeoutMs?: number;
}

/**
 * Thrown when Redis cannot be reached or stops answering: at `openRedisQueue` if the server is not
 * there, and by operations whose command failed after ioredis gave up reconnecting.
 *
 * @asyncio `ConnectionError` (what `asyncio.open_connection` raises)
 * @example
 * try { yield* openRedisQueue({ key: "jobs", redis: "redis://db:6379" }); }
 * catch (e) { if (e instanceof RedisUnavailable) console.error(e.message); }
 */
export class RedisUnavailable extends CorioError {
  static override readonly brand = "RedisUnavailable";
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options, "RedisUnavailable");
  }
}

/** @internal The options with defaults filled in. */
export interface Settings<T> {
  key: string;
  redis: string | RedisOptions;
  maxsize: number | undefined;
  group: string;
  consumer: string | undefined;
  codec: Codec<T>;
  claimIdleMs: number;
  connectTimeoutMs: number;
}

const WHO = "openRedisQueue(options)";

function name(value: unknown, what: string): string {
  if (typeof value !== "string" || value.length === 0) {
    throw new TypeError(`${WHO}: ${what} must be a non-empty string, got ${describe(value)}`);
  }
  return value;
}

function ms(value: unknown, what: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${WHO}: ${what} must be a positive number of ms, got ${describe(value)}`);
  }
  return value;
}

/** @internal Checks the options, naming the one that is wrong. */
export function readOptions<T>(options: RedisQueueOptions<T>): Settings<T> {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`${WHO}: options must be an object with a key, got ${describe(options)}`);
  }
  const key = name(options.key, "options.key");
  const redis = options.redis ?? "redis://127.0.0.1:6379";
  if (typeof redis !== "string" && (typeof redis !== "object" || redis === null)) {
    throw new TypeError(
      `${WHO}: options.redis must be a redis:// URL or ioredis options, got ${describe(redis)}`,
    );
  }
  const maxsize = options.maxsize;
  if (maxsize !== undefined && (typeof maxsize !== "number" || !Number.isInteger(maxsize))) {
    throw new TypeError(
      `${WHO}: options.maxsize must be an integer (0 or less: unbounded), got ${describe(maxsize)}`,
    );
  }
  const codec = options.codec ?? (jsonCodec as Codec<T>);
  if (
    typeof codec !== "object" ||
    codec === null ||
    typeof codec.encode !== "function" ||
    typeof codec.decode !== "function"
  ) {
    throw new TypeError(
      `${WHO}: options.codec must be { encode, decode } functions, got ${describe(codec)}`,
    );
  }
  return {
    key,
    redis,
    maxsize: maxsize === undefined ? undefined : Math.max(0, maxsize),
    group: options.group === undefined ? "corio" : name(options.group, "options.group"),
    consumer:
      options.consumer === undefined ? undefined : name(options.consumer, "options.consumer"),
    codec,
    claimIdleMs: ms(options.claimIdleMs, "options.claimIdleMs", 30_000),
    connectTimeoutMs: ms(options.connectTimeoutMs, "options.connectTimeoutMs", 5_000),
  };
}
