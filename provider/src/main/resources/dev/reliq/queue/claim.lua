-- claim.lua: delivers specific ready messages that the client chose, e.g. a consumer with a
-- message selector that found matching messages by browsing. Messages it does not claim are
-- never taken out of the ready set, so they keep their place for other consumers. An id that
-- is no longer ready (another consumer took it, or it is gone) is skipped. Delivery works as in
-- receive.lua (try_deliver in common.lua), without running recovery.
--
-- KEYS[1..10]  the queue's key set (see common.lua)
-- KEYS[11..20] the key set of its dead-letter queue
-- ARGV[1]      queue name
-- ARGV[2]      dead-letter queue name the client expects
-- ARGV[3]      the client's default attributes (JSON), stored if the queue is new
-- ARGV[4]      visibility timeout ms, or '' for the queue's visibilityTimeoutMs
-- ARGV[5..]    message ids, in the order to deliver them
-- Returns      as receive.lua: { now, -1, visibility timeout ms used, then 9 values per message }
--              Error RELIQ_DLQ_CHANGED <name> when ARGV[2] is not the queue's dead-letter queue.
--@include common.lua

local ctx, changed = open_queue_and_dead_letter_queue()
if not ctx then return changed end
local q, d, queue_name, now, attrs = ctx.q, ctx.d, ctx.name, ctx.now, ctx.attrs
local visibility = tonumber(ARGV[4]) or attrs.visibilityTimeoutMs

local out = { int(now), -1, int(visibility) }
for i = 5, #ARGV do
  local id = ARGV[i]
  if redis.call('ZREM', q.ready, id) == 1 then
    try_deliver(q, d, queue_name, attrs, id, now, visibility, out)
  end
end
return out
