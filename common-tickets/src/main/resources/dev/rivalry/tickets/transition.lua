-- Moves one ticket to a new state if its current state is one of the allowed ones, and
-- publishes the new form on the ticket's channel in the same atomic step.
-- KEYS[1] ticket key.
-- ARGV[1] channel, ARGV[2] allowed current states as ",A,B,", ARGV[3] new state,
-- ARGV[4] updatedAt, ARGV[5] key TTL in ms from now, ARGV[6] match JSON or ''.
-- Returns 'applied|<json>', 'refused|<json>' (state not allowed) or 'missing'.
if redis.call('EXISTS', KEYS[1]) == 0 then return 'missing' end
local state = redis.call('HGET', KEYS[1], 'state')
if not string.find(ARGV[2], ',' .. state .. ',', 1, true) then return 'refused|' .. render_ticket(KEYS[1]) end
redis.call('HINCRBY', KEYS[1], 'version', 1)
redis.call('HSET', KEYS[1], 'state', ARGV[3], 'updatedAt', ARGV[4])
if ARGV[6] ~= '' then redis.call('HSET', KEYS[1], 'match', ARGV[6]) end
redis.call('PEXPIRE', KEYS[1], ARGV[5])
local message = render_ticket(KEYS[1])
redis.call('PUBLISH', ARGV[1], message)
return 'applied|' .. message
