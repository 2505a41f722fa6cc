-- publish.lua: stores topic messages once and fans each out to the subscriptions it is for, all
-- in one step, so every subscription that exists at that moment gets it and none that is
-- created later does. The payload and the topic's metadata go to the tag's shared hash with a
-- reference count; each subscription gets only the message id in its ready (or delayed) set.
--
-- KEYS[1]      the topic's subscription registry (HASH queue name -> registration)
-- KEYS[2]      the tag's shared hash (see common.lua)
-- KEYS[3..]    the key set of each subscription (10 keys each), in registry order
-- ARGV[1]      the registry version the client read the subscriptions at
-- ARGV[2..]    per message, five values: priority (0-9), delay ms (0 = ready now),
--              time-to-live ms (0 = never expires), payload, and the targets: one character
--              per subscription, '1' when the message is for it (its selector matched)
-- Returns      the new messages' ids, in order ('' for a message no subscription takes)
--              Error RELIQ_SUBSCRIPTIONS_CHANGED when the registry changed since ARGV[1]: the
--              client reads the subscriptions again and retries.
--@include common.lua

local shared = KEYS[2]
if (redis.call('HGET', shared, 'version') or '0') ~= ARGV[1] then
  return redis.error_reply('RELIQ_SUBSCRIPTIONS_CHANGED')
end

local subscriptions = {}
for first = 3, #KEYS, KEY_COUNT do
  subscriptions[#subscriptions + 1] = { q = queue_keys(first), may_wake = true }
end

local now = now_ms()
local ids = {}
for i = 2, #ARGV, 5 do
  local priority = tonumber(ARGV[i])
  local delay = tonumber(ARGV[i + 1])
  local ttl = tonumber(ARGV[i + 2])
  local targets = ARGV[i + 4]
  local count = 0
  for s = 1, #subscriptions do
    if string.byte(targets, s) == 49 then count = count + 1 end -- '1'
  end
  if count == 0 then
    ids[#ids + 1] = ''
  else
    local id = int(redis.call('HINCRBY', shared, 'id', 1))
    local expires_at = 0
    if ttl > 0 then expires_at = now + ttl end
    redis.call('HSET', shared, id, ARGV[i + 3], id .. ':m',
      string.format('%d,%d,%d', priority, now, expires_at), id .. ':r', count)
    for s, sub in ipairs(subscriptions) do
      if string.byte(targets, s) == 49 then
        if expires_at > 0 then
          redis.call('ZADD', sub.q.expiring, int(expires_at), id)
        end
        if delay > 0 then
          add_delayed(sub.q, id, now + delay)
        else
          add_ready(sub.q, id, priority, sub.may_wake)
          sub.may_wake = false
        end
      end
    end
    ids[#ids + 1] = id
  end
end
return ids
