-- take_record.lua: hands the record of a transaction whose client died to the client that will
-- finish it, by moving the record to a name under that client's own lease. Of two clients that
-- try at once only one gets it, so its messages are not sent twice; and if the taker dies as
-- well, its lease lapses in turn and the record is taken again.
--
-- KEYS[1]  the records hash (<prefix>:tx:committing)
-- ARGV[1]  the record's current name
-- ARGV[2]  its new name
-- Returns  the record, or nil when it is gone (finished, or taken by another client)

local record = redis.call('HGET', KEYS[1], ARGV[1])
if not record then return false end
redis.call('HSET', KEYS[1], ARGV[2], record)
redis.call('HDEL', KEYS[1], ARGV[1])
return record
