-- browse.lua: reads ready messages in delivery order without changing anything. Messages whose
-- time-to-live has passed are skipped. Paging: pass the last position seen as the cursor.
--
-- KEYS[1..9]  the queue's key set (see common.lua)
-- ARGV[1]     cursor: the position of the last message of the previous page, '' to start
-- ARGV[2]     max messages
-- Returns     { 8 values per message: position, id, payload, priority, sentAt, expiresAt,
--               deliveries, dead-letter JSON or '' }
--@include common.lua

local q = queue_keys(1)
local now = now_ms()
local low = '-inf'
if ARGV[1] ~= '' then low = '(' .. ARGV[1] end
local max = tonumber(ARGV[2])
local out = {}
local found = 0
while found < max do
  local page = redis.call('ZRANGEBYSCORE', q.ready, low, '+inf', 'WITHSCORES', 'LIMIT', 0, max - found)
  if #page == 0 then break end
  for i = 1, #page, 2 do
    local id, position = page[i], page[i + 1]
    low = '(' .. position
    local meta = decode_meta(redis.call('HGET', q.meta, id))
    local payload = redis.call('HGET', q.msg, id)
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
return out
