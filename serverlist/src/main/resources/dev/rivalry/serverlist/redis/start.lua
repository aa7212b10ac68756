-- A server confirms the start of the match it was allocated, before the deadline.
-- Counts as a heartbeat.
-- KEYS[1] server key. ARGV[7] id, ARGV[8] match id.
-- Returns 'applied', 'unchanged' (already playing that match), 'refused|<state>' (the state
-- cannot become PLAYING), 'not-allocated|<state>' (not allocated that match, or it expired)
-- or 'missing'.
local k, id, m = KEYS[1], ARGV[7], ARGV[8]
local f = redis.call('HMGET', k, 'state', 'matchId')
if not f[1] then return 'missing' end
if f[1] == 'PLAYING' and f[2] == m then
  heartbeat(k, id, f[1])
  return 'unchanged'
end
if not allowed(f[1], 'PLAYING') then return 'refused|' .. f[1] end
local a = allocation_key(m)
local held = redis.call('HMGET', a, 'serverId', 'state')
if f[2] ~= m or held[1] ~= id or held[2] ~= 'PENDING' then return 'not-allocated|' .. f[1] end
redis.call('HSET', a, 'state', 'STARTED', 'startedAt', NOW)
redis.call('ZREM', B .. 'deadlines', m)
heartbeat(k, id, f[1])
move(k, id, f[1], 'PLAYING')
return 'applied'
