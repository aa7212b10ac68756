-- Shared by every serverlist script: prepended to each one when it is loaded.
-- ARGV[1] key base (prefix .. '{sl}:'), ARGV[2] now (epoch ms), ARGV[3] health grace (ms),
-- ARGV[4] removal delay after the last heartbeat (ms), ARGV[5] retention of finished
-- allocations (ms), ARGV[6] the allowed transitions as ',FROM>TO,…,' (ServerState's table).
-- Every key carries the {sl} hash tag, so the keys derived here share KEYS[1]'s slot.
local B, NOW, GRACE, REMOVE_AFTER, RETENTION, TRANSITIONS =
  ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6]

local function server_key(id) return B .. 'server:' .. id end

local function allocation_key(m) return B .. 'allocation:' .. m end

local function allowed(from, to)
  return string.find(TRANSITIONS, ',' .. from .. '>' .. to .. ',', 1, true) ~= nil
end

local function publish(id, version, body)
  redis.call('PUBLISH', B .. 'events:' .. id, '{"version":' .. version .. ',' .. body .. '}')
end

local function expired_event(m) return '"type":"expired","matchId":' .. cjson.encode(m) end

local function is_fresh(k) return tonumber(redis.call('HGET', k, 'heartbeatAt')) + GRACE > NOW end

-- Records a heartbeat now and schedules the health check (or, when unhealthy, the removal).
local function heartbeat(k, id, state)
  redis.call('HSET', k, 'heartbeatAt', NOW)
  if state == 'UNHEALTHY' then
    redis.call('ZADD', B .. 'silent', NOW + REMOVE_AFTER, id)
  else
    redis.call('ZADD', B .. 'heartbeats', NOW + GRACE, id)
  end
end

-- Moves server id (hash k) from `from` to `to`, a transition the caller checked with allowed(),
-- keeping the state sets, the ready index and the health schedules in step. Returns the new version.
local function move(k, id, from, to)
  local f = redis.call('HMGET', k, 'game', 'region', 'card', 'heartbeatAt')
  redis.call('SREM', B .. 'state:' .. from, id)
  redis.call('SADD', B .. 'state:' .. to, id)
  local ready = B .. 'ready:' .. f[1] .. ':' .. f[2]
  if to == 'READY' then redis.call('HSET', ready, id, f[3]) else redis.call('HDEL', ready, id) end
  if to == 'UNHEALTHY' then
    redis.call('ZREM', B .. 'heartbeats', id)
    redis.call('ZADD', B .. 'silent', tonumber(f[4]) + REMOVE_AFTER, id)
  elseif from == 'UNHEALTHY' then
    redis.call('ZREM', B .. 'silent', id)
    redis.call('ZADD', B .. 'heartbeats', tonumber(f[4]) + GRACE, id)
  end
  redis.call('HSET', k, 'state', to, 'stateSince', NOW)
  return redis.call('HINCRBY', k, 'version', 1)
end

-- Ends server id's hold on match m: a pending allocation expires (the match may be allocated
-- again, preferably elsewhere: id joins its avoid list), a started one ends. Either is then
-- remembered for RETENTION. Returns the allocation's state before, or nil when id did not hold m.
local function release(id, m)
  if not m or m == '' then return nil end
  local a = allocation_key(m)
  local f = redis.call('HMGET', a, 'serverId', 'state', 'avoid')
  if f[1] ~= id then return nil end
  if f[2] == 'PENDING' then
    redis.call('HSET', a, 'state', 'EXPIRED', 'avoid', (f[3] or '') .. id .. ',')
  elseif f[2] == 'STARTED' then
    redis.call('HSET', a, 'state', 'ENDED', 'endedAt', NOW)
  end
  redis.call('ZREM', B .. 'deadlines', m)
  redis.call('PEXPIRE', a, RETENTION)
  return f[2]
end

-- Removes server id (hash k) and every trace of it, releasing its match; tells its streams.
local function forget(k, id)
  local f = redis.call('HMGET', k, 'state', 'game', 'region', 'matchId', 'version')
  release(id, f[4])
  redis.call('SREM', B .. 'servers', id)
  redis.call('SREM', B .. 'state:' .. f[1], id)
  redis.call('HDEL', B .. 'ready:' .. f[2] .. ':' .. f[3], id)
  redis.call('ZREM', B .. 'heartbeats', id)
  redis.call('ZREM', B .. 'silent', id)
  redis.call('DEL', k)
  publish(id, tonumber(f[5]) + 1, '"type":"removed"')
  return f[4] or ''
end

