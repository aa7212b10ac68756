-- Removes an UNHEALTHY server that stayed silent for the removal delay. Checked again here, so
-- concurrent sweepers and a late heartbeat are harmless.
-- KEYS[1] server key. ARGV[7] id.
-- Returns 'removed|<the match it held, or empty>', 'kept' or 'missing'.
local k, id = KEYS[1], ARGV[7]
local f = redis.call('HMGET', k, 'state', 'heartbeatAt')
if not f[1] then
  redis.call('ZREM', B .. 'silent', id)
  return 'missing'
end
if f[1] ~= 'UNHEALTHY' then
  redis.call('ZREM', B .. 'silent', id)
  return 'kept'
end
if tonumber(f[2]) + REMOVE_AFTER > NOW then
  redis.call('ZADD', B .. 'silent', tonumber(f[2]) + REMOVE_AFTER, id)
  return 'kept'
end
return 'removed|' .. forget(k, id)
