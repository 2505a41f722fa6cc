-- sweep.lua: lazy recovery on its own (common.lua `recover`), for the client's background
-- sweep, so that expired in-flight messages reach the dead-letter queue and expired messages
-- leave the stats even when nobody receives.
--
-- KEYS[1..10]  the queue's key set (see common.lua)
-- KEYS[11..20] the key set of its dead-letter queue
-- ARGV[1]      queue name
-- ARGV[2]      dead-letter queue name the client expects
-- ARGV[3]      the client's default attributes (JSON), stored if the queue is new
-- ARGV[4]      recovery budget (entries per step)
-- Returns      how many messages became ready
--              Error RELIQ_DLQ_CHANGED <name> when ARGV[2] is not the queue's dead-letter queue.
--@include common.lua

local ctx, changed = open_queue_and_dead_letter_queue()
if not ctx then return changed end
local q, d, queue_name, now, attrs = ctx.q, ctx.d, ctx.name, ctx.now, ctx.attrs
return recover(q, d, queue_name, attrs, now, tonumber(ARGV[4]))
