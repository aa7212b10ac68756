-- Players joined a running match through a backfill: the match's allocation keeps its
-- server, takes the grown roster, and the server hears of the newcomers on its stream.
-- KEYS[1] allocation key. ARGV[7] match id, ARGV[8] the match JSON the caller read,
-- ARGV[9] the match JSON with the grown roster, ARGV[10] the players added (JSON array).
-- Returns 'existing|<server>|<startBy>|<conn>', 'ended' when the match no longer holds a
-- server, or 'retry' when the allocation's match changed since it was read.
local a, m = KEYS[1], ARGV[7]
local f = redis.call('HMGET', a, 'state', 'serverId', 'startBy', 'conn', 'match')
if f[1] ~= 'PENDING' and f[1] ~= 'STARTED' then return 'ended' end
if f[5] ~= ARGV[8] then return 'retry' end
redis.call('HSET', a, 'match', ARGV[9])
local version = redis.call('HINCRBY', server_key(f[2]), 'version', 1)
publish(f[2], version, '"type":"backfill","match":' .. ARGV[9] .. ',"added":' .. ARGV[10])
return 'existing|' .. f[2] .. '|' .. f[3] .. '|' .. f[4]
