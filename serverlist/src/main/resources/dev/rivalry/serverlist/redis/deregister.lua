-- A server leaves: it and its indexes are removed; its match is released.
-- KEYS[1] server key. ARGV[7] id.
-- Returns 'removed' or 'missing'.
if redis.call('EXISTS', KEYS[1]) == 0 then return 'missing' end
forget(KEYS[1], ARGV[7])
return 'removed'
