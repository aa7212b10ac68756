-- Records a match's first result, beside the match and for as long as the match is kept.
-- KEYS[1] the match key, KEYS[2] the result key (both carry the match's hash tag).
-- ARGV[1] the stored result JSON.
-- Returns 'recorded', 'missing' (no such match) or 'exists|<the stored result JSON>'.
local earlier = redis.call('GET', KEYS[2])
if earlier then return 'exists|' .. earlier end
local ttl = redis.call('PTTL', KEYS[1])
if ttl == -2 then return 'missing' end
if ttl > 0 then
  redis.call('SET', KEYS[2], ARGV[1], 'PX', ttl)
else
  redis.call('SET', KEYS[2], ARGV[1])
end
return 'recorded'
