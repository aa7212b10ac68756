-- Moves waiting tickets SEARCHING -> MATCHED into a backfill's match, adds them to the match's
-- roster and takes their seats off the open slots, in one atomic step; or does nothing.
-- KEYS[1] backfill key, KEYS[2] match key, KEYS[3] the match's open-backfill pointer,
-- KEYS[4..] ticket keys. All share the pool's hash tag: one Redis Cluster slot.
-- ARGV[1] backfill channel prefix, ARGV[2] backfill id, ARGV[3] ticket channel prefix,
-- ARGV[4] updatedAt, ARGV[5] now (epoch ms), ARGV[6] ticket key TTL (ms), ARGV[7] the
-- backfill version the engine read, ARGV[8] the match JSON it read, ARGV[9] the match JSON
-- after the fill, ARGV[10] the match JSON the tickets hold, ARGV[11] open slots after,
-- ARGV[12] added players after, ARGV[13] state after (SEARCHING or FILLED), ARGV[14..] the
-- ticket ids, in the order of KEYS[4..].
-- Returns 'filled|<json>'; 'stale|<json>' or 'gone' when the backfill or the match changed
-- since they were read (or the backfill expired); 'refused|<id>,<id>' naming the tickets
-- that were not SEARCHING. Only 'filled' changed anything.
if redis.call('EXISTS', KEYS[1]) == 0 then return 'gone' end
local f = redis.call('HMGET', KEYS[1], 'state', 'version', 'expiresAt')
if f[1] ~= 'SEARCHING' or f[2] ~= ARGV[7] or tonumber(f[3]) <= tonumber(ARGV[5])
    or redis.call('GET', KEYS[2]) ~= ARGV[8] then
  return 'stale|' .. render_backfill(KEYS[1])
end
local refusal = refuse_unless_searching(4, 10)
if refusal then return refusal end
for i = 4, #KEYS do match_ticket(KEYS[i], ARGV[3] .. ARGV[10 + i], ARGV[4], ARGV[6], ARGV[10]) end
redis.call('SET', KEYS[2], ARGV[9], 'KEEPTTL')
redis.call('HSET', KEYS[1], 'open', ARGV[11], 'added', ARGV[12])
if ARGV[13] ~= 'SEARCHING' and redis.call('GET', KEYS[3]) == ARGV[2] then redis.call('DEL', KEYS[3]) end
return 'filled|' .. change(KEYS[1], ARGV[1] .. ARGV[2], ARGV[13], ARGV[4])
