-- receive.lua: delivers up to `max` ready messages, highest priority first and oldest first
-- within a priority. Each delivered message gets a new receipt handle, a visibility deadline
-- (now + visibility timeout) and one more delivery. Runs lazy recovery first (common.lua).
-- Messages found corrupt, expired or over maxDeliveries on the way are moved or dropped, never
-- returned, and do not count towards `max`.
--
-- KEYS[1..10]  the queue's key set (see common.lua)
-- KEYS[11..20] the key set of its dead-letter queue
-- ARGV[1]      queue name
-- ARGV[2]      dead-letter queue name the client expects (the attributes must agree)
-- ARGV[3]      the client's default attributes (JSON), stored if the queue is new
-- ARGV[4]      max messages to deliver (>= 1)
-- ARGV[5]      visibility timeout ms, or '' for the queue's visibilityTimeoutMs
-- ARGV[6]      recovery budget: entries examined per recovery step, and extra ready entries
--              that may be skipped while looking for deliverable ones
-- Returns      { now, nextEventIn, visibility timeout ms used, then 9 values per message: id, receipt handle, deliveries,
--                payload, priority, sentAt, expiresAt, firstDeliveryAt, dead-letter JSON or '' }
--              nextEventIn (ms, -1 = none) is given only when nothing was delivered, else -1.
--              Error RELIQ_DLQ_CHANGED <name> when ARGV[2] is not the queue's dead-letter queue.
--@include common.lua

local ctx, changed = open_queue_and_dead_letter_queue()
if not ctx then return changed end
local q, d, queue_name, now, attrs = ctx.q, ctx.d, ctx.name, ctx.now, ctx.attrs

local max = tonumber(ARGV[4])
local visibility = tonumber(ARGV[5]) or attrs.visibilityTimeoutMs
local budget = tonumber(ARGV[6])

recover(q, d, queue_name, attrs, now, budget)

local out = { int(now), -1, int(visibility) }
local delivered = 0
local examined = 0
while delivered < max and examined < max + budget do
  local popped = redis.call('ZPOPMIN', q.ready, math.min(max - delivered, max + budget - examined))
  if #popped == 0 then break end
  for i = 1, #popped, 2 do
    examined = examined + 1
    if try_deliver(q, d, queue_name, attrs, popped[i], now, visibility, out) then
      delivered = delivered + 1
    end
  end
end

if delivered == 0 then
  out[2] = next_event_in(q, now)
end
return out
