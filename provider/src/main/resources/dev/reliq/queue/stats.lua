-- stats.lua: counts without changing anything.
--
-- KEYS[1..10]  the queue's key set (see common.lua)
-- KEYS[11..20] the key set of its dead-letter queue
-- Returns      { now, ready, delayed, inFlight, messages in the dead-letter queue,
--                sentAt of the oldest ready message (-1 if none), expired total,
--                dead-lettered total }
--@include common.lua

local q = queue_keys(1)
local d = queue_keys(KEY_COUNT + 1)
local now = now_ms()

-- The oldest ready message is the first of one of the ten priority bands: O(log n) each.
local oldest_id = nil
for band = 0, 9 do
  local first = redis.call('ZRANGEBYSCORE', q.ready, int(band * BAND), '(' .. int((band + 1) * BAND),
    'LIMIT', 0, 1)
  if #first > 0 and string.match(first[1], '^%d+$') then
    local id = tonumber(first[1])
    if oldest_id == nil or id < oldest_id then oldest_id = id end
  end
end
local oldest_sent = -1
if oldest_id then
  local meta = meta_of(q, int(oldest_id))
  if meta then oldest_sent = meta.sentAt end
end

local counters = redis.call('HMGET', q.counters, 'expired', 'deadLettered')
local dead_letter_depth = redis.call('ZCARD', d.ready) + redis.call('ZCARD', d.delayed)
  + redis.call('ZCARD', d.inflight)
return {
  int(now), redis.call('ZCARD', q.ready), redis.call('ZCARD', q.delayed),
  redis.call('ZCARD', q.inflight), dead_letter_depth, int(oldest_sent),
  tonumber(counters[1]) or 0, tonumber(counters[2]) or 0
}
