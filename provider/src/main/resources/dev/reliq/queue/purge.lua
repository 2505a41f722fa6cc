-- purge.lua: deletes every message of the queue (ready, delayed and in flight). Attributes and
-- counters stay, unless the queue itself is deleted. Handles held by consumers become stale.
-- UNLINK frees memory in the background, so the call is quick however deep the queue is.
--
-- KEYS[1..9]  the queue's key set (see common.lua)
-- ARGV[1]     'delete' to delete the queue entirely (attributes and counters too), else ''
-- Returns     how many messages were deleted
--@include common.lua

local q = queue_keys(1)
local count = redis.call('ZCARD', q.ready) + redis.call('ZCARD', q.delayed)
  + redis.call('ZCARD', q.inflight)
redis.call('UNLINK', q.ready, q.delayed, q.inflight, q.msg, q.meta, q.dead, q.expiring)
if ARGV[1] == 'delete' then
  redis.call('UNLINK', q.attrs, q.counters)
end
return count
