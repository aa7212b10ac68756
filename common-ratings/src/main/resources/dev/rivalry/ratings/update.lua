-- Compare-and-set of one player's rating in one profile, applied once per match.
-- KEYS[1] the player's ratings hash, KEYS[2] the player's applied matches (sorted set);
-- both carry the player's hash tag (one Redis Cluster slot).
-- ARGV[1] profile, ARGV[2] the version the caller read (0 = never rated), ARGV[3] the new
-- rating JSON (its version is ARGV[2] + 1), ARGV[4] the match id, ARGV[5] now in epoch ms,
-- ARGV[6] how long applied match ids are remembered in ms, ARGV[7] the change channel,
-- ARGV[8] the change message, ARGV[9] now minus ARGV[6] (applied ids older than this are dropped).
-- Returns 'applied', 'conflict|<current JSON or empty>' or 'already|<current JSON or empty>'.
local current = redis.call('HGET', KEYS[1], ARGV[1])
if redis.call('ZSCORE', KEYS[2], ARGV[4]) then return 'already|' .. (current or '') end
local version = 0
if current then version = cjson.decode(current)['version'] end
if version ~= tonumber(ARGV[2]) then return 'conflict|' .. (current or '') end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[5], ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[9])
redis.call('PEXPIRE', KEYS[2], ARGV[6])
redis.call('PUBLISH', ARGV[7], ARGV[8])
return 'applied'
