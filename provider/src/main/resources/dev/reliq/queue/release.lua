-- release.lua: gives in-flight messages back before their deadline, e.g. after a failed
-- attempt. A counted release makes the message ready again after the given delay (or the
-- queue's redelivery backoff), or moves it to the dead-letter queue once it has been delivered
-- maxDeliveries times. An uncounted release (a message prefetched but never handed to the
-- application) takes the delivery back and makes the message ready at once.
--
-- KEYS[1..10]  the queue's key set (see common.lua)
-- KEYS[11..20] the key set of its dead-letter queue
-- ARGV[1]      queue name
-- ARGV[2]      dead-letter queue name the client expects
-- ARGV[3]      the client's default attributes (JSON), stored if the queue is new
-- ARGV[4]      delay ms before the message is visible again, or '' for the redelivery backoff:
--              min(redeliveryDelayMs * redeliveryMultiplier^(deliveries - 1), maxRedeliveryDelayMs)
--              scaled by 1 + redeliveryJitter * (2 * ARGV[5] - 1)
-- ARGV[5]      a random number in [0, 1) from the client, for the jitter
-- ARGV[6]      '1' counted, '0' uncounted
-- ARGV[7..]    receipt handles
-- Returns      one integer per handle, in order: 0 not in flight, 1 ready, 2 delayed,
--              3 dead-lettered, 4 dropped because its time-to-live passed
--              Error RELIQ_DLQ_CHANGED <name> when ARGV[2] is not the queue's dead-letter queue.
--@include common.lua

local ctx, changed = open_queue_and_dead_letter_queue()
if not ctx then return changed end
local q, d, queue_name, now, attrs = ctx.q, ctx.d, ctx.name, ctx.now, ctx.attrs

local fixed_delay = tonumber(ARGV[4])
local random = tonumber(ARGV[5])
local counted = ARGV[6] == '1'

local function backoff(deliveries)
  local delay = attrs.redeliveryDelayMs * attrs.redeliveryMultiplier ^ math.max(0, deliveries - 1)
  if attrs.maxRedeliveryDelayMs > 0 and delay > attrs.maxRedeliveryDelayMs then
    delay = attrs.maxRedeliveryDelayMs
  end
  return math.max(0, math.floor(delay * (1 + attrs.redeliveryJitter * (2 * random - 1))))
end

local out = {}
for i = 7, #ARGV do
  local n = i - 6
  local id = take_in_flight(q, ARGV[i], now)
  local meta = id and meta_of(q, id)
  if not id then
    out[n] = 0
  elseif not meta then
    dead_letter(q, d, queue_name, id, nil, 'corrupt', now, 'unreadable metadata')
    out[n] = 3
  elseif not counted then
    meta.deliveries = math.max(0, meta.deliveries - 1)
    if meta.deliveries == 0 then
      meta.firstDeliveryAt = 0
      meta.lastDeliveryAt = 0
    end
    redis.call('HSET', q.meta, id, encode_meta(meta))
    if make_ready(q, id, meta, now) then out[n] = 1 else out[n] = 4 end
  elseif attrs.maxDeliveries > 0 and meta.deliveries >= attrs.maxDeliveries then
    dead_letter(q, d, queue_name, id, meta, 'maxDeliveries', now)
    out[n] = 3
  elseif is_expired(meta, now) then
    drop_expired(q, id)
    out[n] = 4
  else
    local delay = fixed_delay or backoff(meta.deliveries)
    if delay > 0 then
      add_delayed(q, id, now + delay)
      out[n] = 2
    else
      make_ready(q, id, meta, now)
      out[n] = 1
    end
  end
end
return out
