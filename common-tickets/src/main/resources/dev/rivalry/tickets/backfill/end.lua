-- Ends an open backfill: CANCELLED, ENDED, or EXPIRED (only once its expiry time passed).
-- KEYS[1] backfill key, KEYS[2] its match's open-backfill pointer (same hash tag).
-- ARGV[1] backfill id, ARGV[2] the new state, ARGV[3] updatedAt, ARGV[4] now (epoch ms),
-- ARGV[5] the backfill channel prefix.
-- Returns 'applied|<json>', 'refused|<json>' (not open, or not yet due) or 'missing'.
if redis.call('EXISTS', KEYS[1]) == 0 then return 'missing' end
local f = redis.call('HMGET', KEYS[1], 'state', 'expiresAt')
if f[1] ~= 'SEARCHING' or (ARGV[2] == 'EXPIRED' and tonumber(f[2]) > tonumber(ARGV[4])) then
  return 'refused|' .. render_backfill(KEYS[1])
end
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
return 'applied|' .. change(KEYS[1], ARGV[5] .. ARGV[1], ARGV[2], ARGV[3])
