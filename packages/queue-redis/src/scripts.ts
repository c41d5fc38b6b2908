/**
 * The Lua scripts that make each queue operation one atomic step on the Redis server.
 *
 * Layout, for a queue named `key`: the stream `key` holds every item not yet acknowledged (an entry
 * is deleted when it is acknowledged, so `XLEN` is the number of unfinished items across every
 * process); the consumer group (default `corio`) hands entries out; the hash `key:meta` keeps the
 * shutdown flag and the bound; the pub/sub channel `key:events` carries wake-ups (`space`, `empty`,
 * `shutdown`, `shutdown-immediate`) that only tell processes to look again, never state itself.
 * Items waiting for a consumer are `XLEN` minus the group's pending count.
 */

/**
 * KEYS: stream, meta. ARGV: group, maxsize ('' to take the stored one). Creates the group and
 * stores the bound if this is the first open. Returns {bound, size, unfinished, shutdown}.
 */
export const OPEN = `
redis.pcall('XGROUP', 'CREATE', KEYS[1], ARGV[1], '0', 'MKSTREAM')
local stored = redis.call('HGET', KEYS[2], 'maxsize')
if not stored then
  stored = ARGV[2] == '' and '0' or ARGV[2]
  redis.call('HSET', KEYS[2], 'maxsize', stored)
end
local len = redis.call('XLEN', KEYS[1])
local pending = redis.call('XPENDING', KEYS[1], ARGV[1])[1]
return {stored, len - pending, len, redis.call('HGET', KEYS[2], 'shutdown') or ''}
`;

/**
 * KEYS: stream, meta. ARGV: group, maxsize, item... Adds as many items as fit, in order.
 * Returns {added (-1: shut down), size, unfinished}.
 */
export const PUT = `
local len = redis.call('XLEN', KEYS[1])
local size = len - redis.call('XPENDING', KEYS[1], ARGV[1])[1]
if redis.call('HGET', KEYS[2], 'shutdown') then return {-1, size, len} end
local n = #ARGV - 2
local maxsize = tonumber(ARGV[2])
if maxsize > 0 and n > maxsize - size then n = math.max(0, maxsize - size) end
for i = 1, n do redis.call('XADD', KEYS[1], '*', 'd', ARGV[i + 2]) end
return {n, size + n, len + n}
`;

/**
 * KEYS: stream, meta, channel. ARGV: group, consumer, count, maxsize. Hands out up to `count`
 * entries without blocking; tells other processes when that frees space in a full queue.
 * Returns {entries, size, unfinished, shutdown}.
 */
export const READ = `
local r = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', ARGV[3], 'STREAMS', KEYS[1], '>')
local entries = {}
if r then entries = r[1][2] end
local len = redis.call('XLEN', KEYS[1])
local size = len - redis.call('XPENDING', KEYS[1], ARGV[1])[1]
local maxsize = tonumber(ARGV[4])
if #entries > 0 and maxsize > 0 and size + #entries >= maxsize then
  redis.call('PUBLISH', KEYS[3], 'space')
end
return {entries, size, len, redis.call('HGET', KEYS[2], 'shutdown') or ''}
`;

/**
 * KEYS: stream, meta, channel. ARGV: group, maxsize, id... Acknowledges and deletes entries (only
 * those still pending: one reclaimed and acknowledged elsewhere is left alone).
 * Returns {acknowledged, size, unfinished}.
 */
export const ACK = `
local n = 0
for i = 3, #ARGV do
  if redis.call('XACK', KEYS[1], ARGV[1], ARGV[i]) == 1 then
    redis.call('XDEL', KEYS[1], ARGV[i])
    n = n + 1
  end
end
local len = redis.call('XLEN', KEYS[1])
if n > 0 and len == 0 then redis.call('PUBLISH', KEYS[3], 'empty') end
return {n, len - redis.call('XPENDING', KEYS[1], ARGV[1])[1], len}
`;

/**
 * KEYS: stream, meta, channel. ARGV: group, id... Puts entries this consumer holds but will not
 * hand out back at the tail of the stream (a copy in, the original acknowledged and deleted, in
 * one step, so the item is neither lost nor doubled). Returns the number handed back.
 */
export const HAND_BACK = `
local n = 0
for i = 2, #ARGV do
  local e = redis.call('XRANGE', KEYS[1], ARGV[i], ARGV[i])
  if #e > 0 and redis.call('XACK', KEYS[1], ARGV[1], ARGV[i]) == 1 then
    redis.call('XADD', KEYS[1], '*', unpack(e[1][2]))
    redis.call('XDEL', KEYS[1], ARGV[i])
    n = n + 1
  end
end
if n > 0 then redis.call('PUBLISH', KEYS[3], 'space') end
return n
`;

/**
 * KEYS: stream, meta, channel, dead-letter stream. ARGV: group, id, reason. Moves an entry the
 * codec cannot decode to `key:dead`, so it is kept for a person to look at and does not come back.
 */
export const DEAD_LETTER = `
local e = redis.call('XRANGE', KEYS[1], ARGV[2], ARGV[2])
if #e == 0 or redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('XADD', KEYS[4], '*', 'id', ARGV[2], 'reason', ARGV[3], unpack(e[1][2]))
redis.call('XDEL', KEYS[1], ARGV[2])
if redis.call('XLEN', KEYS[1]) == 0 then redis.call('PUBLISH', KEYS[3], 'empty') end
return 1
`;

/**
 * KEYS: stream, meta, channel. ARGV: group, immediate ('1' or '0'), item... Adds the items the
 * caller still had buffered (unless shut down already), sets the flag and, with `immediate`,
 * deletes every entry no consumer got yet. Returns {dropped, size, unfinished, stored} (stored is
 * 0 if another process had shut the queue down first: the items were refused).
 */
export const SHUTDOWN = `
local stored = 0
if not redis.call('HGET', KEYS[2], 'shutdown') then
  for i = 3, #ARGV do redis.call('XADD', KEYS[1], '*', 'd', ARGV[i]) end
  stored = 1
end
redis.call('HSET', KEYS[2], 'shutdown', '1')
local dropped = 0
if ARGV[2] == '1' then
  local r = redis.call('XREADGROUP', 'GROUP', ARGV[1], '__corio_shutdown__', 'STREAMS', KEYS[1], '>')
  if r then
    for _, e in ipairs(r[1][2]) do
      redis.call('XACK', KEYS[1], ARGV[1], e[1])
      redis.call('XDEL', KEYS[1], e[1])
      dropped = dropped + 1
    end
  end
  redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], '__corio_shutdown__')
end
redis.call('PUBLISH', KEYS[3], ARGV[2] == '1' and 'shutdown-immediate' or 'shutdown')
local len = redis.call('XLEN', KEYS[1])
if len == 0 then redis.call('PUBLISH', KEYS[3], 'empty') end
return {dropped, len - redis.call('XPENDING', KEYS[1], ARGV[1])[1], len, stored}
`;

/** KEYS: stream. ARGV: group, consumer. Removes the consumer from the group if it holds nothing. */
export const LEAVE = `
if #redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', 1, ARGV[2]) == 0 then
  redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2])
end
return 0
`;

/** KEYS: stream, meta. ARGV: group. Reports {size, unfinished, shutdown} for `refresh()` and `join()`. */
export const STATE = `
local len = redis.call('XLEN', KEYS[1])
return {len - redis.call('XPENDING', KEYS[1], ARGV[1])[1], len, redis.call('HGET', KEYS[2], 'shutdown') or ''}
`;
