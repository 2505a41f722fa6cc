-- extend.lua: moves the visibility deadline of in-flight messages to now + visibility timeout
-- (lease renewal). A stale handle changes nothing and is reported as not in flight.
--
-- KEYS[1..10] the queue's key set (see common.lua)
-- ARGV[1]     visibility timeout ms, counted from now
-- ARGV[2..]   receipt handles
-- Returns     one integer per handle, in order: 1 extended, 0 not in flight
--@include common.lua

local q = queue_keys(1)
local now = now_ms()
local deadline = int(now + tonumber(ARGV[1]))
local out = {}
for i = 2, #ARGV do
  local handle = ARGV[i]
  local current = redis.call('ZSCORE', q.inflight, handle)
  if current and tonumber(current) > now then
    redis.call('ZADD', q.inflight, deadline, handle)
    out[i - 1] = 1
  else
    out[i - 1] = 0
  end
end
return out
