/**
 * `openRedisQueue`: connects, creates the stream and its consumer group if needed, and returns a
 * `RedisQueue` bound to the running loop.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { type Coroutine, getRunningLoop } from "@corio/interfaces";
import { openConnections } from "./connection.js";
import { type RedisQueueOptions, readOptions } from "./options.js";
import { RedisQueue } from "./redis-queue.js";

/**
 * Opens the queue stored under `options.key` on a Redis server (creating it if needed) for the
 * running loop. Every process that opens the same key shares the queue. The connections close
 * with `queue.close()`, or when the loop closes.
 *
 * @asyncio none: asyncio has no cross-process queue; the result behaves as `asyncio.Queue`.
 * @throws {TypeError} if an option has the wrong type (the message names it).
 * @throws {RangeError} if `options.maxsize` differs from the bound the queue was created with, or
 * a duration is not positive.
 * @throws {@link RedisUnavailable} if Redis cannot be reached within `options.connectTimeoutMs`.
 * @throws {@link RuntimeError} if no loop is running.
 * @example
 * const queue = yield* openRedisQueue<{ url: string }>({
 *   key: "crawl",
 *   redis: "redis://127.0.0.1:6379",
 *   maxsize: 100,
 * });
 */
export function* openRedisQueue<T>(options: RedisQueueOptions<T>): Coroutine<RedisQueue<T>> {
  const settings = readOptions(options);
  const loop = getRunningLoop();
  const connecting = openConnections(settings as never);
  const fut = loop.createFuture<Awaited<typeof connecting>>("openRedisQueue(): connecting");
  const release = loop.trackExternal(`openRedisQueue(): connecting to Redis for ${settings.key}`);
  connecting.then(
    (c) => {
      release();
      if (fut.done() || loop.isClosed()) {
        // The opener was cancelled meanwhile: nobody will use these connections.
        c.cmd.disconnect();
        c.reader.disconnect();
        c.sub.disconnect();
      } else fut.setResult(c);
    },
    (e) => {
      release();
      if (!fut.done() && !loop.isClosed()) fut.setException(e);
    },
  );
  const conns = yield* fut;
  const consumer =
    settings.consumer ?? `${hostname()}-${process.pid}-${randomBytes(4).toString("hex")}`;
  const queue = new RedisQueue<T>(settings, consumer, conns, loop);
  try {
    yield* queue._engine.open(settings.maxsize);
  } catch (e) {
    conns.cmd.disconnect();
    conns.reader.disconnect();
    conns.sub.disconnect();
    throw e;
  }
  return queue;
}
