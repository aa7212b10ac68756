-- A server confirms the start of the match it was allocated, before the deadline; a repeat by
-- the server playing that match changes nothing. Either way the match's data is answered, for
-- the server's report token: a server that does not hold the match never gets one. Counts as
-- a heartbeat. The first confirmation tells the server's streams ('started').
-- KEYS[1] server key. ARGV[7] id, ARGV[8] match id.
-- Returns 'applied|<match JSON>', 'unchanged|<match JSON>' (already playing that match),
-- 'not-allocated|<state>' (the server does not hold that match: never allocated it, or the
-- allocation expired), 'refused|<state>' (it holds the match but its state cannot become
-- PLAYING) or 'missing'.
local k, id, m = KEYS[1], ARGV[7], ARGV[8]
local f = redis.call('HMGET', k, 'state', 'matchId')
if not f[1] then return 'missing' end
local held = redis.call('HMGET', allocation_key(m), 'serverId', 'state', 'match')
if f[2] ~= m or held[1] ~= id then return 'not-allocated|' .. f[1] end
if f[1] == 'PLAYING' and held[2] == 'STARTED' then
  heartbeat(k, id, f[1])
  return 'unchanged|' .. held[3]
end
if not allowed(f[1], 'PLAYING') then return 'refused|' .. f[1] end
if held[2] ~= 'PENDING' then return 'not-allocated|' .. f[1] end
redis.call('HSET', allocation_key(m), 'state', 'STARTED', 'startedAt', NOW)
redis.call('ZREM', B .. 'deadlines', m)
heartbeat(k, id, f[1])
publish(id, move(k, id, f[1], 'PLAYING'), '"type":"started","match":' .. held[3])
return 'applied|' .. held[3]
