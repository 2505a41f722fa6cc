-- redrive.lua: moves up to `max` ready messages from a dead-letter queue back to a queue (the one
-- whose dead-letter queue it is), oldest first. They arrive ready, with no deliveries counted,
-- their original priority, and the time-to-live they had when they were dead-lettered.
--
-- KEYS[1..9]   the key set of the dead-letter queue (where messages come from)
-- KEYS[10..18] the key set of the queue (where they go)
-- ARGV[1]      the queue's default attributes (JSON), stored if the queue is new
-- ARGV[2]      max messages to move
-- Returns      { moved, ready messages left in the dead-letter queue }
--@include common.lua

local d = queue_keys(1)
local q = queue_keys(10)
local now = now_ms()
queue_attrs(q, ARGV[1], now)

local moved = 0
local popped = redis.call('ZPOPMIN', d.ready, tonumber(ARGV[2]))
for i = 1, #popped, 2 do
  local dead_id = popped[i]
  local meta = decode_meta(redis.call('HGET', d.meta, dead_id))
  local payload = redis.call('HGET', d.msg, dead_id)
  local record = redis.call('HGET', d.dead, dead_id)
  local expires_at = 0
  if record then
    local ok, decoded = pcall(cjson.decode, record)
    if ok and type(decoded) == 'table' and tonumber(decoded.expiresAt) then
      expires_at = tonumber(decoded.expiresAt)
    end
  end
  if meta and payload then
    local id = int(redis.call('HINCRBY', q.counters, 'id', 1))
    redis.call('HSET', q.msg, id, payload)
    redis.call('HSET', q.meta, id, encode_meta({
      priority = meta.priority, sentAt = meta.sentAt, expiresAt = expires_at, deliveries = 0,
      firstDeliveryAt = 0, lastDeliveryAt = 0 }))
    make_ready(q, id, { priority = meta.priority, expiresAt = expires_at }, now)
    forget(d, dead_id)
    moved = moved + 1
  else
    -- Unreadable in the dead-letter queue too: leave it there for an operator.
    redis.call('ZADD', d.ready, popped[i + 1], dead_id)
  end
end
return { moved, redis.call('ZCARD', d.ready) }
