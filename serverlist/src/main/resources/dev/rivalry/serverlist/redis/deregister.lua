-- A server leaves: it and its indexes are removed; its match is released.
-- KEYS[1] server key. ARGV[7] id.
-- Returns 'removed|<the match it held, or empty>' or 'missing'.
if redis.call('EXISTS', KEYS[1]) == 0 then return 'missing' end
return 'removed|' .. forget(KEYS[1], ARGV[7])
