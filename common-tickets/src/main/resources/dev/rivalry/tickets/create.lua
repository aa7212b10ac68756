-- Creates a SEARCHING ticket unless the key exists.
-- KEYS[1] ticket key. ARGV[1] ticket JSON, ARGV[2] updatedAt (RFC 3339), ARGV[3] key TTL in ms.
-- Returns 1 when created, 0 when the key already existed.
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'version', 1, 'state', 'SEARCHING', 'updatedAt', ARGV[2], 'ticket', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
