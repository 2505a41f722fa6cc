-- ack.lua: deletes the messages whose receipt handles are current. A stale handle (unknown,
-- already acknowledged, or past its visibility deadline, because the message is visible again)
-- changes nothing and is reported as not in flight.
--
-- KEYS[1..10] the queue's key set (see common.lua)
-- ARGV[1..]   receipt handles
-- Returns     one integer per handle, in order: 1 acknowledged, 0 not in flight
--@include common.lua

local q = queue_keys(1)
local now = now_ms()
local out = {}
for i = 1, #ARGV do
  local id = take_in_flight(q, ARGV[i], now)
  if id then
    forget(q, id)
    out[i] = 1
  else
    out[i] = 0
  end
end
return out
