-- Releases a player's claim if, and only if, it is held by the given ticket.
-- KEYS[1] the player's claim key. ARGV[1] the ticket id. Returns 1 when released.
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
