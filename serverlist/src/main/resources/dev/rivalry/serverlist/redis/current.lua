-- What a server's event stream starts from, read in one step: the server's version and, when it
-- is ALLOCATED, its pending allocation.
-- KEYS[1] server key. ARGV[7] id.
-- Returns 'missing', '<version>|' (nothing pending) or '<version>|<startBy>|<match JSON>'.
local f = redis.call('HMGET', KEYS[1], 'version', 'state', 'matchId')
if not f[1] then return 'missing' end
if f[2] ~= 'ALLOCATED' or f[3] == '' then return f[1] .. '|' end
local a = redis.call('HMGET', allocation_key(f[3]), 'serverId', 'state', 'startBy', 'match')
if a[1] ~= ARGV[7] or a[2] ~= 'PENDING' then return f[1] .. '|' end
return f[1] .. '|' .. a[3] .. '|' .. a[4]
