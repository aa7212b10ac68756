-- Shared by every ticket script (and the backfill fill): prepended to each one when it is loaded.

-- Renders a ticket hash as the JSON that is read and published on every change.
local function render_ticket(key)
  local f = redis.call('HMGET', key, 'version', 'state', 'updatedAt', 'ticket', 'match')
  return '{"version":' .. f[1] .. ',"state":"' .. f[2] .. '","updatedAt":"' .. f[3] ..
    '","ticket":' .. f[4] .. ',"match":' .. (f[5] or 'null') .. '}'
end

-- Moves a ticket (hash key) to MATCHED holding the match JSON, keeps it ttl ms, and
-- publishes its new form on its channel. The caller checked it was SEARCHING.
local function match_ticket(key, channel, updated_at, ttl, match)
  redis.call('HINCRBY', key, 'version', 1)
  redis.call('HSET', key, 'state', 'MATCHED', 'updatedAt', updated_at, 'match', match)
  redis.call('PEXPIRE', key, ttl)
  redis.call('PUBLISH', channel, render_ticket(key))
end
