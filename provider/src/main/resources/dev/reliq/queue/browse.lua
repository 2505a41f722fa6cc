-- browse.lua: reads ready messages in delivery order without changing anything. Messages whose
-- time-to-live has passed, and unreadable entries, are skipped. Examines at most max + budget
-- entries, so a long run of skipped entries cannot make one call expensive.
--
-- KEYS[1..10] the queue's key set (see common.lua)
-- ARGV[1]     cursor: the position returned by the previous page, '' to start
-- ARGV[2]     max messages
-- ARGV[3]     budget: extra entries that may be skipped
-- Returns     { next cursor ('' when the end of the ready set was reached), then 8 values per
--               message: position, id, payload, priority, sentAt, expiresAt, deliveries,
--               dead-letter JSON or '' }
--@include common.lua

local q = queue_keys(1)
local now = now_ms()
local low = '-inf'
if ARGV[1] ~= '' then low = '(' .. ARGV[1] end
local max = tonumber(ARGV[2])
local limit = max + tonumber(ARGV[3])
local out = { '' }
local found = 0
local examined = 0
while found < max and examined < limit do
  local page = redis.call('ZRANGEBYSCORE', q.ready, low, '+inf', 'WITHSCORES', 'LIMIT', 0,
    math.min(max - found, limit - examined))
  if #page == 0 then
    out[1] = ''
    return out
  end
  for i = 1, #page, 2 do
    examined = examined + 1
    local id, position = page[i], page[i + 1]
    low = '(' .. position
    out[1] = position
    local meta = meta_of(q, id)
    local payload = payload_of(q, id)
    -- Corrupt entries are left for the next receive to dead-letter; browsing changes nothing.
    if meta and payload and not is_expired(meta, now) then
      out[#out + 1] = position
      out[#out + 1] = id
      out[#out + 1] = payload
      out[#out + 1] = meta.priority
      out[#out + 1] = int(meta.sentAt)
      out[#out + 1] = int(meta.expiresAt)
      out[#out + 1] = meta.deliveries
      out[#out + 1] = redis.call('HGET', q.dead, id) or ''
      found = found + 1
    end
  end
end
-- Stopped early: more may follow unless nothing is left after the last position.
if redis.call('ZCOUNT', q.ready, low, '+inf') == 0 then out[1] = '' end
return out
