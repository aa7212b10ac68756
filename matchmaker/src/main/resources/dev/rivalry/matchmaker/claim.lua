-- Claims a player for a ticket, taking over only from the holder the caller checked.
-- KEYS[1] the player's claim key. ARGV[1] the holder the caller found terminal ('' = none),
-- ARGV[2] the new ticket id, ARGV[3] TTL in ms.
-- Returns '' when claimed, else the id of the ticket holding the claim.
local holder = redis.call('GET', KEYS[1])
if not holder or holder == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return ''
end
return holder
