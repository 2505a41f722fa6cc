-- lease.lua: a named lease held by one owner for a while (a JMS client ID in use, a connection
-- that is alive). Renewing or releasing needs the current owner, so a client whose lease lapsed
-- and was taken over cannot take it back or end someone else's.
--
-- KEYS[1]  the lease key
-- ARGV[1]  'acquire', 'renew' or 'release'
-- ARGV[2]  owner
-- ARGV[3]  time to live ms (acquire, renew)
-- Returns  1 when done, 0 when someone else holds the lease (acquire) or the caller does not
--          (renew, release)

local op, owner = ARGV[1], ARGV[2]
local current = redis.call('GET', KEYS[1])
if op == 'acquire' then
  if current and current ~= owner then return 0 end
  redis.call('SET', KEYS[1], owner, 'PX', ARGV[3])
  return 1
end
if current ~= owner then return 0 end
if op == 'renew' then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
else
  redis.call('DEL', KEYS[1])
end
return 1
