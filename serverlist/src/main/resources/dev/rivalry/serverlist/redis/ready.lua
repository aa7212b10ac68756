-- A server is ready for a match: after its match (PLAYING), after recovering (UNHEALTHY), or
-- giving back an allocation it will not start (ALLOCATED, the match may go elsewhere).
-- Counts as a heartbeat.
-- KEYS[1] server key. ARGV[7] id.
-- Returns 'applied', 'unchanged' (already READY), 'refused|<state>' or 'missing'.
local k, id = KEYS[1], ARGV[7]
local f = redis.call('HMGET', k, 'state', 'matchId')
if not f[1] then return 'missing' end
if f[1] ~= 'READY' and not allowed(f[1], 'READY') then return 'refused|' .. f[1] end
heartbeat(k, id, f[1])
if f[1] == 'READY' then return 'unchanged' end
local before = release(id, f[2])
redis.call('HSET', k, 'matchId', '')
local version = move(k, id, f[1], 'READY')
if before == 'PENDING' then publish(id, version, expired_event(f[2])) end
return 'applied|' .. (f[2] or '')
