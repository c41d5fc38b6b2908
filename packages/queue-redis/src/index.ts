export { openRedisQueue } from "./open.js";
export { type Codec, jsonCodec, type RedisQueueOptions, RedisUnavailable } from "./options.js";
export { RedisQueue } from "./redis-queue.js";
