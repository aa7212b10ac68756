-- Marks a server whose heartbeats stopped UNHEALTHY. Instances sweep at once: the heartbeat is
-- checked again here, so a server that just heartbeated, or one already marked, is left alone.
-- A pending allocation is given up at once, so the match can be allocated elsewhere; a started
-- match stays recorded (the server may still be running it).
-- KEYS[1] server key. ARGV[7] id.
-- Returns 'unhealthy|<state before>', 'healthy', 'unchanged', 'refused|<state>' or 'missing'.
local k, id = KEYS[1], ARGV[7]
local f = redis.call('HMGET', k, 'state', 'matchId', 'heartbeatAt')
if not f[1] then
  redis.call('ZREM', B .. 'heartbeats', id)
  return 'missing'
end
if f[1] == 'UNHEALTHY' then
  redis.call('ZREM', B .. 'heartbeats', id)
  return 'unchanged'
end
if is_fresh(k) then
  redis.call('ZADD', B .. 'heartbeats', tonumber(f[3]) + GRACE, id)
  return 'healthy'
end
if not allowed(f[1], 'UNHEALTHY') then return 'refused|' .. f[1] end
local before = nil
if f[1] == 'ALLOCATED' then
  before = release(id, f[2])
  redis.call('HSET', k, 'matchId', '')
end
local version = move(k, id, f[1], 'UNHEALTHY')
if before == 'PENDING' then publish(id, version, expired_event(f[2])) end
return 'unhealthy|' .. f[1]
