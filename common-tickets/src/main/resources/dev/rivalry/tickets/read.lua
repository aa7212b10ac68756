-- Renders a ticket hash as the JSON that is also published on every change.
-- KEYS[1] ticket key. Returns the JSON, or false when the ticket does not exist.
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
return render_ticket(KEYS[1])
