-- Shared by every backfill script: prepended to each one, after the tickets' lib.lua, when it is loaded.
-- A backfill is a hash: version, state, updatedAt, backfill (the request's JSON), open (the
-- slots still open, JSON), added (the players it brought so far, JSON), expiresAt (epoch ms).

-- The JSON that is read and published on every change.
local function render_backfill(key)
  local f = redis.call('HMGET', key, 'version', 'state', 'updatedAt', 'backfill', 'open', 'added')
  return '{"version":' .. f[1] .. ',"state":"' .. f[2] .. '","updatedAt":"' .. f[3] .. '","backfill":' .. f[4] ..
    ',"open":' .. f[5] .. ',"added":' .. f[6] .. '}'
end

-- Moves the backfill (hash key, channel) to a new state and publishes it; returns the JSON.
local function change(key, channel, state, updated_at)
  redis.call('HINCRBY', key, 'version', 1)
  redis.call('HSET', key, 'state', state, 'updatedAt', updated_at)
  local message = render_backfill(key)
  redis.call('PUBLISH', channel, message)
  return message
end
