-- subscription.lua: adds a subscription to a topic's registry, or removes it. Publishers read
-- the registry and its version; changing it bumps the version, so a publish prepared with the
-- old list is refused and retried with the new one.
--
-- KEYS[1]      the topic's subscription registry (HASH queue name -> registration JSON)
-- KEYS[2..11]  the subscription's queue key set (see common.lua)
-- ARGV[1]      'add' or 'remove'
-- ARGV[2]      the subscription's queue name
-- ARGV[3]      add: the registration (JSON)
-- ARGV[4]      add: the client's default attributes (JSON), stored if the queue is new
-- ARGV[5]      add: the topic's name, stored in the queue's attributes as `topic`
-- Returns      add: '' when added, or the registration already there (nothing changed);
--              remove: 1 when removed, 0 when it was not registered
--@include common.lua

local registry = KEYS[1]
local q = queue_keys(2)
local name = ARGV[2]
if ARGV[1] == 'add' then
  local existing = redis.call('HGET', registry, name)
  if existing then return existing end
  redis.call('HSET', registry, name, ARGV[3])
  redis.call('HINCRBY', q.shared, 'version', 1)
  queue_attrs(q, ARGV[4], now_ms())
  redis.call('HSET', q.attrs, 'topic', ARGV[5])
  return ''
end
if redis.call('HDEL', registry, name) == 0 then return 0 end
redis.call('HINCRBY', q.shared, 'version', 1)
return 1
