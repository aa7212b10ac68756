-- Renders a ticket hash as the JSON that is also published on every change.
-- KEYS[1] ticket key. Returns the JSON, or false when the ticket does not exist.
local f = redis.call('HMGET', KEYS[1], 'version', 'state', 'updatedAt', 'ticket', 'match')
if not f[1] then return false end
return '{"version":' .. f[1] .. ',"state":"' .. f[2] .. '","updatedAt":"' .. f[3] ..
  '","ticket":' .. f[4] .. ',"match":' .. (f[5] or 'null') .. '}'
