export { type Codec, jsonCodec, RedisUnavailable, type RedisQueueOptions } from "./options.js";
export { openRedisQueue } from "./open.js";
export { RedisQueue } from "./redis-queue.js";
