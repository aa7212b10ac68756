-- Expires match m's pending allocation once its start deadline has passed: the server goes back
-- to READY, or to UNHEALTHY when its heartbeats stopped, and the match may be allocated again
-- (preferably elsewhere). Checked again here, so concurrent sweepers and a late start are harmless.
-- KEYS[1] allocation key. ARGV[7] match id.
-- Returns 'expired|<server>|<server state now>' or 'skipped'.
local a, m = KEYS[1], ARGV[7]
local f = redis.call('HMGET', a, 'state', 'serverId', 'startBy')
if f[1] ~= 'PENDING' then
  redis.call('ZREM', B .. 'deadlines', m)
  return 'skipped'
end
if tonumber(f[3]) > NOW then
  redis.call('ZADD', B .. 'deadlines', f[3], m)
  return 'skipped'
end
local id = f[2]
local k = server_key(id)
local s = redis.call('HMGET', k, 'state', 'matchId')
local to = s[1] or ''
if s[1] == 'ALLOCATED' and s[2] == m then
  to = is_fresh(k) and 'READY' or 'UNHEALTHY'
  if not allowed(s[1], to) then return 'skipped' end
  release(id, m)
  redis.call('HSET', k, 'matchId', '')
  publish(id, move(k, id, s[1], to), expired_event(m))
else
  release(id, m)
end
return 'expired|' .. id .. '|' .. to
