-- KEYS[1] backfill key. Returns its JSON, or false when it does not exist.
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
return render_backfill(KEYS[1])
