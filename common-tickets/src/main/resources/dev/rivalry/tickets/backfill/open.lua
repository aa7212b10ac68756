-- Opens a backfill for a match, replacing the match's open one (REPLACED) in the same step:
-- a match has at most one open backfill.
-- KEYS[1] the new backfill's key, KEYS[2] the match's open-backfill pointer, KEYS[3] the match
-- key, KEYS[4] the key of the backfill the pointer named when the caller read it (KEYS[1]
-- again when it named none). All share the match's hash tag: one Redis Cluster slot.
-- ARGV[1] the id the pointer named ('' for none), ARGV[2] the new id, ARGV[3] the request's
-- JSON, ARGV[4] its slots JSON, ARGV[5] updatedAt, ARGV[6] expiresAt (epoch ms), ARGV[7] key
-- TTL (ms), ARGV[8] the backfill channel prefix.
-- Returns 'opened|<json>', 'no-match', or 'retry' when the pointer moved since it was read.
if redis.call('EXISTS', KEYS[3]) == 0 then return 'no-match' end
if (redis.call('GET', KEYS[2]) or '') ~= ARGV[1] then return 'retry' end
if ARGV[1] ~= '' and redis.call('HGET', KEYS[4], 'state') == 'SEARCHING' then
  change(KEYS[4], ARGV[8] .. ARGV[1], 'REPLACED', ARGV[5])
end
redis.call('HSET', KEYS[1], 'version', 1, 'state', 'SEARCHING', 'updatedAt', ARGV[5], 'backfill', ARGV[3],
  'open', ARGV[4], 'added', '[]', 'expiresAt', ARGV[6])
redis.call('PEXPIRE', KEYS[1], ARGV[7])
local ttl = redis.call('PTTL', KEYS[3])
if ttl > 0 then redis.call('SET', KEYS[2], ARGV[2], 'PX', ttl) else redis.call('SET', KEYS[2], ARGV[2]) end
local message = render_backfill(KEYS[1])
redis.call('PUBLISH', ARGV[8] .. ARGV[2], message)
return 'opened|' .. message
