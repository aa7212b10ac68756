-- Shared by every ticket script (and the backfill and proposal scripts): prepended to each one when it is loaded.

-- Renders a ticket hash as the JSON that is read and published on every change. A ticket hash: version, state, updatedAt, ticket (JSON), and when they apply match (JSON),
-- proposal (JSON, while PROPOSED), proposalId (while PROPOSED) and reason (a CANCELLED
-- ticket's reason, when it was not its own cancel).
local function render_ticket(key)
  local f = redis.call('HMGET', key, 'version', 'state', 'updatedAt', 'ticket', 'match', 'proposal', 'reason')
  local json = '{"version":' .. f[1] .. ',"state":"' .. f[2] .. '","updatedAt":"' .. f[3] ..
    '","ticket":' .. f[4] .. ',"match":' .. (f[5] or 'null') .. ',"proposal":' .. (f[6] or 'null')
  if f[7] then json = json .. ',"reason":"' .. f[7] .. '"' end
  return json .. '}'
end

-- Moves a ticket (hash key) to a state with more fields (name, value, ...), ends any proposal
-- it was in, keeps it ttl ms (when ttl is given), and publishes its new form on its channel.
local function move_ticket(key, channel, updated_at, ttl, state, ...)
  redis.call('HINCRBY', key, 'version', 1)
  redis.call('HSET', key, 'state', state, 'updatedAt', updated_at, ...)
  redis.call('HDEL', key, 'proposal', 'proposalId')
  if ttl then redis.call('PEXPIRE', key, ttl) end
  redis.call('PUBLISH', channel, render_ticket(key))
end

-- Moves a ticket to MATCHED holding the match JSON. The caller checked it was SEARCHING (or
-- PROPOSED).
local function match_ticket(key, channel, updated_at, ttl, match)
  move_ticket(key, channel, updated_at, ttl, 'MATCHED', 'match', match)
end

-- For a step that needs every ticket of KEYS[first..] SEARCHING (ARGV[offset + i] the id of
-- KEYS[i]): 'refused|<id>,<id>' naming every ticket that is not, or nil when all are.
local function refuse_unless_searching(first, offset)
  local refused = {}
  for i = first, #KEYS do
    if redis.call('HGET', KEYS[i], 'state') ~= 'SEARCHING' then refused[#refused + 1] = ARGV[offset + i] end
  end
  if #refused > 0 then return 'refused|' .. table.concat(refused, ',') end
  return nil
end
