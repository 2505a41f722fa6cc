-- redrive.lua: moves up to `max` ready messages from a dead-letter queue back to a queue (the one
-- whose dead-letter queue it is), oldest first. They arrive ready, with no deliveries counted,
-- their original priority, and the time-to-live they had when they were dead-lettered.
--
-- KEYS[1..10]  the key set of the dead-letter queue (where messages come from)
-- KEYS[11..20] the key set of the queue (where they go)
-- ARGV[1]      the queue's default attributes (JSON), stored if the queue is new
-- ARGV[2]      max messages to move
-- ARGV[3]      budget: extra entries that may be examined past unmovable ones (no payload),
--              which stay where they are
-- Returns      { moved, movable ready messages left in the dead-letter queue (an estimate
--                when unmovable ones remain from earlier calls) }
--@include common.lua

local d = queue_keys(1)
local q = queue_keys(KEY_COUNT + 1)
local now = now_ms()
queue_attrs(q, ARGV[1], now)

local max = tonumber(ARGV[2])
local budget = tonumber(ARGV[3])
local moved = 0
local examined = 0
local unmovable = {}
while moved < max and examined < max + budget do
  local popped = redis.call('ZPOPMIN', d.ready, math.min(max - moved, max + budget - examined))
  if #popped == 0 then break end
  for i = 1, #popped, 2 do
    examined = examined + 1
    local dead_id = popped[i]
    local payload = redis.call('HGET', d.msg, dead_id)
    if payload then
      -- Unreadable metadata loses nothing worth keeping: the payload goes back with defaults.
      local meta = decode_meta(redis.call('HGET', d.meta, dead_id))
        or { priority = 4, sentAt = now }
      local expires_at = 0
      local record = redis.call('HGET', d.dead, dead_id)
      if record then
        local ok, decoded = pcall(cjson.decode, record)
        if ok and type(decoded) == 'table' and tonumber(decoded.expiresAt) then
          expires_at = tonumber(decoded.expiresAt)
        end
      end
      local id = next_id(q)
      redis.call('HSET', q.msg, id, payload)
      redis.call('HSET', q.meta, id, encode_meta({
        priority = meta.priority, sentAt = meta.sentAt, expiresAt = expires_at, deliveries = 0,
        firstDeliveryAt = 0, lastDeliveryAt = 0 }))
      make_ready(q, id, { priority = meta.priority, expiresAt = expires_at }, now)
      forget(d, dead_id)
      moved = moved + 1
    else
      -- No payload to move: it stays in the dead-letter queue for an operator to look at.
      unmovable[#unmovable + 1] = popped[i + 1]
      unmovable[#unmovable + 1] = dead_id
    end
  end
end
for i = 1, #unmovable, 2 do
  redis.call('ZADD', d.ready, unmovable[i], unmovable[i + 1])
end
return { moved, redis.call('ZCARD', d.ready) - #unmovable / 2 }
