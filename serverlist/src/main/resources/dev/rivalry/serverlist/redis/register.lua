-- Registers a new server, READY, with a heartbeat now.
-- KEYS[1] server key. ARGV[7] id, ARGV[8] fleet, ARGV[9] address, ARGV[10] region, ARGV[11] game,
-- ARGV[12] labels JSON, ARGV[13] candidate card JSON.
-- Returns 'registered', or 'taken' when the id exists.
local k, id, region, game, card = KEYS[1], ARGV[7], ARGV[10], ARGV[11], ARGV[13]
if redis.call('EXISTS', k) == 1 then return 'taken' end
redis.call('HSET', k, 'id', id, 'fleet', ARGV[8], 'address', ARGV[9], 'region', region, 'game', game,
  'labels', ARGV[12], 'card', card, 'state', 'READY', 'version', 1, 'registeredAt', NOW, 'stateSince', NOW,
  'heartbeatAt', NOW, 'matchId', '')
redis.call('SADD', B .. 'servers', id)
redis.call('SADD', B .. 'state:READY', id)
redis.call('HSET', B .. 'ready:' .. game .. ':' .. region, id, card)
redis.call('SADD', B .. 'regions:' .. game, region)
redis.call('ZADD', B .. 'heartbeats', NOW + GRACE, id)
return 'registered'
