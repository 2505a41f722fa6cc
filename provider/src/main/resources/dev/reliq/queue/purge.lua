-- purge.lua: deletes the messages of the queue (ready, delayed and in flight). Attributes and
-- counters stay, unless the queue itself is deleted. Handles held by consumers become stale.
--
-- A plain queue goes in one call: UNLINK frees its memory in the background, so the call is
-- quick however deep the queue is. A topic subscription (attribute `topic`) holds references to
-- shared payloads that must be given back one by one, so it goes `batch` messages per call and
-- the client calls again until the reply says it is done.
--
-- KEYS[1..10] the queue's key set (see common.lua)
-- ARGV[1]     'delete' to delete the queue entirely (attributes and counters too), else ''
-- ARGV[2]     batch: messages given back per call (subscriptions)
-- Returns     { how many messages were deleted, 1 when done or 0 when more calls are needed }
--@include common.lua

local q = queue_keys(1)

local function unlink_all()
  redis.call('UNLINK', q.ready, q.delayed, q.inflight, q.msg, q.meta, q.dead, q.expiring)
  if ARGV[1] == 'delete' then
    redis.call('UNLINK', q.attrs, q.counters)
  end
end

if not redis.call('HGET', q.attrs, 'topic') then
  local count = redis.call('ZCARD', q.ready) + redis.call('ZCARD', q.delayed)
    + redis.call('ZCARD', q.inflight)
  unlink_all()
  return { count, 1 }
end

local budget = tonumber(ARGV[2])
local deleted = 0
local ids = {}
for _, set in ipairs({ q.ready, q.delayed, q.inflight }) do
  if budget - #ids > 0 then
    local members = redis.call('ZRANGE', set, 0, budget - #ids - 1)
    if #members > 0 then
      redis.call('ZREM', set, unpack(members))
      for _, member in ipairs(members) do
        -- in-flight members are receipt handles "id:receipt"
        ids[#ids + 1] = string.match(member, '^(%d+):%d+$') or member
      end
    end
  end
end
for _, id in ipairs(ids) do
  forget(q, id)
  deleted = deleted + 1
end
if redis.call('ZCARD', q.ready) + redis.call('ZCARD', q.delayed) + redis.call('ZCARD', q.inflight) > 0 then
  return { deleted, 0 }
end
unlink_all()
return { deleted, 1 }
