-- Moves every ticket of a match SEARCHING -> PROPOSED and records the proposal, or does nothing.
-- KEYS[1] the proposal key; KEYS[2..] the ticket keys. All share the pool's hash tag: one
-- Redis Cluster slot.
-- ARGV[1] ticket channel prefix, ARGV[2] updatedAt, ARGV[3] proposal id, ARGV[4] the head of
-- the proposal's JSON (up to its accepted list), ARGV[5] players who must accept, ARGV[6]
-- the match JSON, ARGV[7] deadline (epoch ms), ARGV[8] the proposal key's TTL (ms), also the
-- least TTL a ticket key must have left (a ticket outlives its proposal), ARGV[9] the match
-- id, ARGV[10..] the ticket ids, in the order of KEYS[2..].
-- Returns 'proposed', or 'refused|<id>,<id>' naming every ticket that was not SEARCHING;
-- then nothing was changed.
local ttl = tonumber(ARGV[8])
local refusal = refuse_unless_searching(2, 8)
if refusal then return refusal end
local view = proposal_view(ARGV[4], '')
local ids = {}
for i = 2, #KEYS do
  ids[#ids + 1] = ARGV[8 + i]
  redis.call('HINCRBY', KEYS[i], 'version', 1)
  redis.call('HSET', KEYS[i], 'state', 'PROPOSED', 'updatedAt', ARGV[2], 'proposal', view, 'proposalId', ARGV[3])
  if redis.call('PTTL', KEYS[i]) < ttl then redis.call('PEXPIRE', KEYS[i], ttl) end
  redis.call('PUBLISH', ARGV[1] .. ARGV[8 + i], render_ticket(KEYS[i]))
end
redis.call('HSET', KEYS[1], 'id', ARGV[3], 'state', 'OPEN', 'head', ARGV[4], 'accepted', '', 'players', ARGV[5],
  'tickets', table.concat(ids, ','), 'match', ARGV[6], 'matchId', ARGV[9], 'expiresAt', ARGV[7])
redis.call('PEXPIRE', KEYS[1], ttl)
return 'proposed'
