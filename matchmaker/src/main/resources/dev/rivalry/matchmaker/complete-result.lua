-- Replaces a recorded result with its completed form, keeping its time to live.
-- KEYS[1] the result key. ARGV[1] the stored result JSON. Returns 1 when replaced.
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL')
return 1
