-- Moves every ticket of a match SEARCHING -> MATCHED and records the match, or does nothing.
-- KEYS[1] the match key; KEYS[2..] the ticket keys. All share the pool's hash tag, so one
-- Redis Cluster slot.
-- ARGV[1] channel prefix, ARGV[2] updatedAt, ARGV[3] ticket key TTL in ms, ARGV[4] match
-- JSON, ARGV[5] match key TTL in ms, ARGV[6..] the ticket ids, in the order of KEYS[2..].
-- Returns 'formed', or 'refused|<id>,<id>' naming every ticket that was not SEARCHING
-- (missing, expired, cancelled, or already matched); then nothing was changed.
local refusal = refuse_unless_searching(2, 4)
if refusal then return refusal end
for i = 2, #KEYS do match_ticket(KEYS[i], ARGV[1] .. ARGV[4 + i], ARGV[2], ARGV[3], ARGV[4]) end
redis.call('SET', KEYS[1], ARGV[4], 'PX', ARGV[5])
return 'formed'
