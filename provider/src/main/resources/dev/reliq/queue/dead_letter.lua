-- dead_letter.lua: moves in-flight messages to the dead-letter queue at once, with a reason
-- given by the client (for example a payload the client cannot decode: "corrupt").
--
-- KEYS[1..10]  the queue's key set (see common.lua)
-- KEYS[11..20] the key set of its dead-letter queue
-- ARGV[1]      queue name
-- ARGV[2]      dead-letter queue name the client expects
-- ARGV[3]      the client's default attributes (JSON), stored if the queue is new
-- ARGV[4]      reason
-- ARGV[5]      detail ('' for none)
-- ARGV[6..]    receipt handles
-- Returns      one integer per handle, in order: 1 dead-lettered, 0 not in flight
--              Error RELIQ_DLQ_CHANGED <name> when ARGV[2] is not the queue's dead-letter queue.
--@include common.lua

local ctx, changed = open_queue_and_dead_letter_queue()
if not ctx then return changed end
local q, d, queue_name, now, attrs = ctx.q, ctx.d, ctx.name, ctx.now, ctx.attrs

local detail = ARGV[5]
if detail == '' then detail = nil end
local out = {}
for i = 6, #ARGV do
  local id = take_in_flight(q, ARGV[i], now)
  if id then
    dead_letter(q, d, queue_name, id, meta_of(q, id), ARGV[4], now, detail)
    out[i - 5] = 1
  else
    out[i - 5] = 0
  end
end
return out
