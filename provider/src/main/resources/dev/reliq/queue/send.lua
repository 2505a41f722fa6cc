-- send.lua: stores messages and makes each ready now, or delayed until its delivery delay passes.
--
-- KEYS[1..10] the queue's key set (see common.lua)
-- ARGV[1]     the client's default attributes (JSON), stored if the queue is new
-- ARGV[2..]   per message, four values: priority (0-9), delay ms (0 = ready now),
--             time-to-live ms (0 = never expires), payload
-- Returns     the new messages' ids, in order
--@include common.lua

local q = queue_keys(1)
local now = now_ms()
queue_attrs(q, ARGV[1], now)

local ids = {}
-- Only the first message made ready can take the ready set from empty to non-empty.
local may_wake = true
for i = 2, #ARGV, 4 do
  local priority = tonumber(ARGV[i])
  local delay = tonumber(ARGV[i + 1])
  local ttl = tonumber(ARGV[i + 2])
  local id = next_id(q)
  local expires_at = 0
  if ttl > 0 then expires_at = now + ttl end
  redis.call('HSET', q.msg, id, ARGV[i + 3])
  redis.call('HSET', q.meta, id, encode_meta({
    priority = priority, sentAt = now, expiresAt = expires_at, deliveries = 0,
    firstDeliveryAt = 0, lastDeliveryAt = 0 }))
  if expires_at > 0 then
    redis.call('ZADD', q.expiring, int(expires_at), id)
  end
  if delay > 0 then
    add_delayed(q, id, now + delay)
  else
    add_ready(q, id, priority, may_wake)
    may_wake = false
  end
  ids[#ids + 1] = id
end
return ids
