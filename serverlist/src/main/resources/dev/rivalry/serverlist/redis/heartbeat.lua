-- Records a server's heartbeat. An UNHEALTHY server stays UNHEALTHY (it may still be running
-- a match): it says itself when it is ready again. Its removal is pushed back.
-- KEYS[1] server key. ARGV[7] id.
-- Returns the server's state, or 'missing'.
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return 'missing' end
heartbeat(KEYS[1], ARGV[7], state)
return state
