-- Allocates match m to the first candidate that may become ALLOCATED (READY) and heartbeats,
-- or answers the server the match already has: pick and record are one atomic step, so every
-- caller of one match gets the same server and no server gets two matches.
-- KEYS[1] allocation key. ARGV[7] match id, ARGV[8] start deadline (epoch ms), ARGV[9] match
-- JSON, ARGV[10..] candidate server ids, best first.
-- Returns 'existing|<server>|<startBy>|<conn>', 'allocated|<server>|<startBy>|<conn>', 'ended'
-- or 'none'.
local a, m, start_by, match = KEYS[1], ARGV[7], ARGV[8], ARGV[9]
local f = redis.call('HMGET', a, 'state', 'serverId', 'startBy', 'conn')
if f[1] == 'PENDING' or f[1] == 'STARTED' then
  return 'existing|' .. f[2] .. '|' .. f[3] .. '|' .. f[4]
end
if f[1] == 'ENDED' then return 'ended' end
for i = 10, #ARGV do
  local id = ARGV[i]
  local k = server_key(id)
  local s = redis.call('HMGET', k, 'state', 'address')
  if s[1] and allowed(s[1], 'ALLOCATED') and is_fresh(k) then
    local version = move(k, id, s[1], 'ALLOCATED')
    redis.call('HSET', k, 'matchId', m)
    redis.call('HSET', a, 'state', 'PENDING', 'serverId', id, 'conn', s[2], 'startBy', start_by,
      'allocatedAt', NOW, 'match', match)
    redis.call('PERSIST', a)
    redis.call('ZADD', B .. 'deadlines', start_by, m)
    publish(id, version, '"type":"allocation","startBy":' .. start_by .. ',"match":' .. match)
    return 'allocated|' .. id .. '|' .. start_by .. '|' .. s[2]
  end
end
return 'none'
