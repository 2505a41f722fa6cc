-- common.lua: pieces shared by the queue operations. Not loaded on its own: the client pastes
-- it in place of the line `--@include common.lua` before loading a script (see ScriptLoader).
--
-- Key set of one queue (10 keys, always passed in this order, see docs/redis-layout.md):
--   +0 ready      ZSET  id -> (9 - priority) * 1e14 + id   (delivery order)
--   +1 delayed    ZSET  id -> time the message becomes ready (ms)
--   +2 inflight   ZSET  receipt handle "id:receipt" -> visibility deadline (ms)
--   +3 msg        HASH  id -> payload
--   +4 meta       HASH  id -> "priority,sentAt,expiresAt,deliveries,firstDeliveryAt,lastDeliveryAt"
--   +5 dead       HASH  id -> JSON dead-letter record (only for messages in a dead-letter queue)
--   +6 expiring   ZSET  id -> expiresAt (ms), only for messages with a time-to-live
--   +7 attrs      HASH  queue attributes
--   +8 counters   HASH  receipt, expired, deadLettered
--   +9 shared     HASH  of the queue's hash tag, shared by every queue with that tag (a topic's
--                       subscriptions, a queue and its dead-letter queues):
--                       id (message id counter), version (the topic's subscription registry),
--                       and per topic message: <id> payload, <id>:m "priority,sentAt,expiresAt",
--                       <id>:r how many subscriptions still hold it
--
-- A subscription's ready, delayed and in-flight sets hold topic message ids; the payload stays
-- in `shared`, and the subscription writes its own meta entry only when it first delivers.

-- Effects replication: TIME makes scripts non-deterministic (default from Redis 5, explicit for 6.2).
redis.replicate_commands()

local KEY_COUNT = 10 -- keys per queue key set: a script's second queue starts at KEYS[KEY_COUNT + 1]
local BAND = 100000000000000 -- 1e14: ready scores of one priority lie in [band * BAND, band * BAND + BAND)

local function queue_keys(first)
  return {
    ready = KEYS[first], delayed = KEYS[first + 1], inflight = KEYS[first + 2],
    msg = KEYS[first + 3], meta = KEYS[first + 4], dead = KEYS[first + 5],
    expiring = KEYS[first + 6], attrs = KEYS[first + 7], counters = KEYS[first + 8],
    shared = KEYS[first + 9]
  }
end

-- Lua's tostring keeps 14 digits only; scores, ids and times need all of theirs.
local function int(n)
  return string.format('%d', n)
end

local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local function ready_score(priority, id)
  return (9 - priority) * BAND + tonumber(id)
end

-- The pub/sub channel that wakes consumers waiting on a queue: "<key base>:wake".
local function wake_channel(q)
  return string.sub(q.ready, 1, -7) .. ':wake'
end

local function encode_meta(m)
  return string.format('%d,%d,%d,%d,%d,%d', m.priority, m.sentAt, m.expiresAt, m.deliveries,
    m.firstDeliveryAt, m.lastDeliveryAt)
end

-- A new message id, unique among all queues of the hash tag (so a topic message keeps one id in
-- every subscription, and a message redriven into a subscription cannot collide with it).
local function next_id(q)
  return int(redis.call('HINCRBY', q.shared, 'id', 1))
end

-- nil when the stored metadata is missing or unreadable (the caller dead-letters it as corrupt)
local function decode_meta(s)
  if not s then return nil end
  local p, sent, exp, dlv, first, last = string.match(s, '^(%d),(%d+),(%d+),(%d+),(%d+),(%d+)$')
  if not p then return nil end
  return {
    priority = tonumber(p), sentAt = tonumber(sent), expiresAt = tonumber(exp),
    deliveries = tonumber(dlv), firstDeliveryAt = tonumber(first), lastDeliveryAt = tonumber(last)
  }
end

-- The metadata of message `id` of q: its own entry, or, for a topic message this subscription
-- has not delivered yet, the topic's entry with no deliveries. nil when missing or unreadable.
local function meta_of(q, id)
  local own = redis.call('HGET', q.meta, id)
  if own then return decode_meta(own) end
  local shared = redis.call('HGET', q.shared, id .. ':m')
  if not shared then return nil end
  local p, sent, exp = string.match(shared, '^(%d),(%d+),(%d+)$')
  if not p then return nil end
  return { priority = tonumber(p), sentAt = tonumber(sent), expiresAt = tonumber(exp), deliveries = 0,
           firstDeliveryAt = 0, lastDeliveryAt = 0 }
end

-- The payload of message `id` of q: its own, or the topic's shared copy.
local function payload_of(q, id)
  return redis.call('HGET', q.msg, id) or redis.call('HGET', q.shared, id)
end

local function is_expired(meta, now)
  return meta.expiresAt > 0 and meta.expiresAt <= now
end

-- Creates the queue's attributes from the client's defaults (JSON) when the queue is new,
-- then returns the attributes in force.
local ATTRIBUTE_FIELDS = { 'visibilityTimeoutMs', 'maxDeliveries', 'deadLetterQueue', 'redeliveryDelayMs',
  'redeliveryMultiplier', 'maxRedeliveryDelayMs', 'redeliveryJitter', 'createdAt' }

local function queue_attrs(q, defaults_json, now)
  local a = redis.call('HMGET', q.attrs, unpack(ATTRIBUTE_FIELDS))
  -- A queue with none of these fields is new (one read on every call instead of EXISTS and
  -- HMGET). setAttributes writes visibilityTimeoutMs, so a queue configured before its first
  -- use keeps its attributes.
  if not a[1] and not a[8] then
    local defaults = cjson.decode(defaults_json)
    for name, value in pairs(defaults) do
      redis.call('HSET', q.attrs, name, tostring(value))
    end
    redis.call('HSET', q.attrs, 'createdAt', int(now))
    a = redis.call('HMGET', q.attrs, unpack(ATTRIBUTE_FIELDS))
  end
  return {
    visibilityTimeoutMs = tonumber(a[1]) or 30000,
    maxDeliveries = tonumber(a[2]) or 0,
    deadLetterQueue = a[3] or '',
    redeliveryDelayMs = tonumber(a[4]) or 0,
    redeliveryMultiplier = tonumber(a[5]) or 1,
    maxRedeliveryDelayMs = tonumber(a[6]) or 0,
    redeliveryJitter = tonumber(a[7]) or 0
  }
end

-- Opens a queue (KEYS[1..10]) and its dead-letter queue (KEYS[11..20]) for a script whose ARGV
-- starts with: queue name, the dead-letter queue name the client expects, default attributes.
-- The dead-letter keys must be those of the queue the attributes name, or a message would be
-- moved where nobody reads: on a mismatch this returns nil and the error reply
-- `RELIQ_DLQ_CHANGED <name>`, before anything changes; the client adopts the name and retries.
local function open_queue_and_dead_letter_queue()
  local ctx = { q = queue_keys(1), d = queue_keys(KEY_COUNT + 1), name = ARGV[1], now = now_ms() }
  ctx.attrs = queue_attrs(ctx.q, ARGV[3], ctx.now)
  if ctx.attrs.deadLetterQueue ~= ARGV[2] then
    return nil, redis.error_reply('RELIQ_DLQ_CHANGED ' .. ctx.attrs.deadLetterQueue)
  end
  return ctx
end

-- Wakes waiting consumers when a queue's ready set goes from empty to non-empty.
local function add_ready(q, id, priority, was_empty_check)
  local was_empty = was_empty_check and redis.call('ZCARD', q.ready) == 0
  redis.call('ZADD', q.ready, int(ready_score(priority, id)), id)
  if was_empty then
    redis.call('PUBLISH', wake_channel(q), 'ready')
  end
end

-- Schedules a message for later; wakes waiting consumers when it becomes the earliest one so
-- they shorten their wait.
local function add_delayed(q, id, due)
  local head = redis.call('ZRANGE', q.delayed, 0, 0, 'WITHSCORES')
  redis.call('ZADD', q.delayed, int(due), id)
  if #head == 0 or tonumber(head[2]) > due then
    redis.call('PUBLISH', wake_channel(q), 'delayed')
  end
end

-- Removes every trace of a message that is no longer in the ready, delayed or in-flight sets.
-- A topic message (no payload of its own) gives up this subscription's reference; the last
-- reference frees the shared payload.
local function forget(q, id)
  if redis.call('HDEL', q.msg, id) == 0 then
    -- pcall: an unreadable count must not make the message impossible to forget; it frees the
    -- payload, and other subscriptions still holding the message dead-letter it as corrupt.
    local left = redis.pcall('HINCRBY', q.shared, id .. ':r', -1)
    if type(left) ~= 'number' or left <= 0 then
      redis.call('HDEL', q.shared, id, id .. ':m', id .. ':r')
    end
  end
  redis.call('HDEL', q.meta, id)
  redis.call('HDEL', q.dead, id)
  redis.call('ZREM', q.expiring, id)
end

local function drop_expired(q, id)
  forget(q, id)
  redis.call('HINCRBY', q.counters, 'expired', 1)
end

-- Makes a message ready again (from in flight or delayed), unless its time-to-live has passed.
-- Returns true when it became ready.
local function make_ready(q, id, meta, now)
  if is_expired(meta, now) then
    drop_expired(q, id)
    return false
  end
  add_ready(q, id, meta.priority, true)
  if meta.expiresAt > 0 then
    redis.call('ZADD', q.expiring, int(meta.expiresAt), id)
  end
  return true
end

-- Moves a message to the dead-letter queue d with its reason and history. The message must
-- already be out of q's ready, delayed and in-flight sets. `meta` may be nil (corrupt data).
local function dead_letter(q, d, queue_name, id, meta, reason, now, detail)
  local payload = payload_of(q, id) or ''
  local m = meta or { priority = 4, sentAt = now, expiresAt = 0, deliveries = 0,
                      firstDeliveryAt = 0, lastDeliveryAt = 0 }
  local dead_id = next_id(d)
  redis.call('HSET', d.msg, dead_id, payload)
  redis.call('HSET', d.meta, dead_id, encode_meta({
    priority = m.priority, sentAt = m.sentAt, expiresAt = 0, deliveries = 0,
    firstDeliveryAt = 0, lastDeliveryAt = 0 }))
  -- Numbers go in as strings: cjson would round them to 14 digits.
  local record = {
    reason = reason, queue = queue_name, id = id, deliveries = int(m.deliveries),
    firstDeliveryAt = int(m.firstDeliveryAt), lastDeliveryAt = int(m.lastDeliveryAt),
    deadLetteredAt = int(now), expiresAt = int(m.expiresAt)
  }
  if detail then record.detail = detail end
  redis.call('HSET', d.dead, dead_id, cjson.encode(record))
  add_ready(d, dead_id, m.priority, true)
  forget(q, id)
  redis.call('HINCRBY', q.counters, 'deadLettered', 1)
  return dead_id
end

-- Lazy recovery, bounded by `budget` entries per step so no call does unbounded work:
-- due delayed messages become ready; in-flight messages past their deadline become ready, or go
-- to the dead-letter queue once they were delivered maxDeliveries times; expired ready and
-- delayed messages are dropped. Returns how many messages became ready.
local function recover(q, d, queue_name, attrs, now, budget)
  local became_ready = 0

  local due = redis.call('ZRANGEBYSCORE', q.delayed, '-inf', int(now), 'LIMIT', 0, budget)
  for _, id in ipairs(due) do
    redis.call('ZREM', q.delayed, id)
    local meta = meta_of(q, id)
    if not meta then
      dead_letter(q, d, queue_name, id, nil, 'corrupt', now, 'unreadable metadata')
    elseif make_ready(q, id, meta, now) then
      became_ready = became_ready + 1
    end
  end

  local lapsed = redis.call('ZRANGEBYSCORE', q.inflight, '-inf', int(now), 'LIMIT', 0, budget)
  for _, handle in ipairs(lapsed) do
    redis.call('ZREM', q.inflight, handle)
    local id = string.match(handle, '^(%d+):%d+$')
    local meta = id and meta_of(q, id)
    if not id then
      dead_letter(q, d, queue_name, handle, nil, 'corrupt', now, 'unreadable receipt handle')
    elseif not meta then
      dead_letter(q, d, queue_name, id, nil, 'corrupt', now, 'unreadable metadata')
    elseif attrs.maxDeliveries > 0 and meta.deliveries >= attrs.maxDeliveries then
      dead_letter(q, d, queue_name, id, meta, 'maxDeliveries', now)
    elseif make_ready(q, id, meta, now) then
      became_ready = became_ready + 1
    end
  end

  local expired = redis.call('ZRANGEBYSCORE', q.expiring, '-inf', int(now), 'LIMIT', 0, budget)
  for _, id in ipairs(expired) do
    redis.call('ZREM', q.expiring, id)
    -- An in-flight message stays with its consumer; it is dropped if it ever comes back.
    if redis.call('ZREM', q.ready, id) == 1 or redis.call('ZREM', q.delayed, id) == 1 then
      drop_expired(q, id)
    end
  end

  return became_ready
end

-- Delivers message `id`, just taken out of the ready set, unless it must not be: corrupt entries
-- are dead-lettered, expired messages dropped, and messages already delivered maxDeliveries
-- times dead-lettered. A delivered message gets one more delivery, a new receipt handle and the
-- deadline now + visibility; its 9 reply values are appended to `out` (see receive.lua).
-- Returns true when the message was delivered.
local function try_deliver(q, d, queue_name, attrs, id, now, visibility, out)
  local meta = meta_of(q, id)
  local payload = payload_of(q, id)
  if not string.match(id, '^%d+$') then
    dead_letter(q, d, queue_name, id, nil, 'corrupt', now, 'unreadable message id')
  elseif not meta then
    dead_letter(q, d, queue_name, id, nil, 'corrupt', now, 'unreadable metadata')
  elseif not payload then
    dead_letter(q, d, queue_name, id, meta, 'corrupt', now, 'payload missing')
  elseif is_expired(meta, now) then
    drop_expired(q, id)
  elseif attrs.maxDeliveries > 0 and meta.deliveries >= attrs.maxDeliveries then
    dead_letter(q, d, queue_name, id, meta, 'maxDeliveries', now)
  else
    meta.deliveries = meta.deliveries + 1
    if meta.firstDeliveryAt == 0 then meta.firstDeliveryAt = now end
    meta.lastDeliveryAt = now
    redis.call('HSET', q.meta, id, encode_meta(meta))
    local handle = id .. ':' .. int(redis.call('HINCRBY', q.counters, 'receipt', 1))
    redis.call('ZADD', q.inflight, int(now + visibility), handle)
    out[#out + 1] = id
    out[#out + 1] = handle
    out[#out + 1] = meta.deliveries
    out[#out + 1] = payload
    out[#out + 1] = meta.priority
    out[#out + 1] = int(meta.sentAt)
    out[#out + 1] = int(meta.expiresAt)
    out[#out + 1] = int(meta.firstDeliveryAt)
    out[#out + 1] = redis.call('HGET', q.dead, id) or ''
    return true
  end
  return false
end

-- Milliseconds until the next delayed message is due or the next in-flight deadline passes,
-- or -1 when there is neither: how long a waiting consumer may sleep before trying again.
local function next_event_in(q, now)
  local next_at = nil
  local delayed = redis.call('ZRANGE', q.delayed, 0, 0, 'WITHSCORES')
  if #delayed > 0 then next_at = tonumber(delayed[2]) end
  local inflight = redis.call('ZRANGE', q.inflight, 0, 0, 'WITHSCORES')
  if #inflight > 0 and (next_at == nil or tonumber(inflight[2]) < next_at) then
    next_at = tonumber(inflight[2])
  end
  if next_at == nil then return -1 end
  return math.max(0, next_at - now)
end

-- Removes a current receipt handle from the in-flight set. Returns the message id, or nil when
-- the handle is stale: unknown, already acknowledged, or past its deadline (the message is
-- visible again even if recovery has not moved it yet).
local function take_in_flight(q, handle, now)
  local id = string.match(handle, '^(%d+):%d+$')
  if not id then return nil end
  local deadline = redis.call('ZSCORE', q.inflight, handle)
  if not deadline or tonumber(deadline) <= now then return nil end
  redis.call('ZREM', q.inflight, handle)
  return id
end
