-- A player's answer to a proposal, or its deadline; each applied in one atomic step.
-- KEYS[1] the proposal key, KEYS[2] the key of the match it becomes, KEYS[3..] the keys of
-- its tickets, in the order of its 'tickets' field. All in the pool's slot.
-- ARGV[1] ticket channel prefix, ARGV[2] updatedAt, ARGV[3] now (epoch ms), ARGV[4] TTL (ms)
-- of a ticket that ends, ARGV[5] match key TTL (ms), ARGV[6] the engines' proposal channel,
-- ARGV[7] 'accept', 'decline' or 'expire', ARGV[8] the answering ticket's id ('' to
-- expire), ARGV[9..] the answering players (accept).
-- Rules: past the deadline, whatever the call, the proposal times out first: tickets all of
-- whose players accepted go back to SEARCHING, the others end CANCELLED
-- 'acceptance-timeout'. A decline ends the declining ticket CANCELLED 'declined' and puts
-- every other ticket back to SEARCHING. The last acceptance moves every ticket to MATCHED
-- and records the match. Answers to an ended proposal change nothing (idempotent).
-- Returns 'missing' (no such proposal), 'foreign' (the ticket is not in it), or
-- '<OPEN|ACCEPTED|DROPPED>|<outcome>|<the answering ticket's JSON, or empty>'.
if redis.call('EXISTS', KEYS[1]) == 0 then return 'missing' end
local p = redis.call('HMGET', KEYS[1], 'id', 'state', 'head', 'accepted', 'players', 'tickets', 'match',
  'expiresAt', 'outcome')
local ids = split(p[6])
local answering = nil
for i = 1, #ids do
  if ids[i] == ARGV[8] then answering = KEYS[2 + i] end
end
if ARGV[7] ~= 'expire' and not answering then return 'foreign' end
local function reply(state, outcome)
  return state .. '|' .. (outcome or '') .. '|' .. (answering and render_ticket(answering) or '')
end
if p[2] ~= 'OPEN' then return reply(p[2], p[9]) end

-- Ends the proposal: reason_of(i) names why ticket i is cancelled, or nil to release it.
local function drop(reason_of)
  local outcome = {}
  for i = 1, #ids do
    local reason = reason_of(i)
    if reason then
      drop_ticket(KEYS[2 + i], ARGV[1] .. ids[i], ARGV[2], reason, ARGV[4])
      outcome[#outcome + 1] = ids[i] .. ':CANCELLED'
    else
      release_ticket(KEYS[2 + i], ARGV[1] .. ids[i], ARGV[2])
      outcome[#outcome + 1] = ids[i] .. ':SEARCHING'
    end
  end
  local joined = table.concat(outcome, ',')
  end_proposal(KEYS[1], p[1], 'DROPPED', joined, ARGV[6])
  return reply('DROPPED', joined)
end

local accepted = split(p[4])
local has = {}
for _, player in ipairs(accepted) do has[player] = true end

if tonumber(ARGV[3]) >= tonumber(p[8]) then
  return drop(function(i)
    local ticket = cjson.decode(redis.call('HGET', KEYS[2 + i], 'ticket'))
    for _, player in ipairs(ticket.players) do
      if not has[player.id] then return 'acceptance-timeout' end
    end
    return nil
  end)
end
if ARGV[7] == 'expire' then return reply('OPEN', '') end
if ARGV[7] == 'decline' then
  return drop(function(i)
    if ids[i] == ARGV[8] then return 'declined' end
    return nil
  end)
end

for j = 9, #ARGV do
  if not has[ARGV[j]] then
    accepted[#accepted + 1] = ARGV[j]
    has[ARGV[j]] = true
  end
end
local joined = table.concat(accepted, ',')
if #accepted >= tonumber(p[5]) then
  local outcome = {}
  for i = 1, #ids do
    match_ticket(KEYS[2 + i], ARGV[1] .. ids[i], ARGV[2], ARGV[4], p[7])
    outcome[#outcome + 1] = ids[i] .. ':MATCHED'
  end
  redis.call('SET', KEYS[2], p[7], 'PX', ARGV[5])
  redis.call('HSET', KEYS[1], 'accepted', joined)
  local ended = table.concat(outcome, ',')
  end_proposal(KEYS[1], p[1], 'ACCEPTED', ended, ARGV[6])
  return reply('ACCEPTED', ended)
end
if joined ~= p[4] then
  redis.call('HSET', KEYS[1], 'accepted', joined)
  local view = proposal_view(p[3], joined)
  for i = 1, #ids do
    redis.call('HINCRBY', KEYS[2 + i], 'version', 1)
    redis.call('HSET', KEYS[2 + i], 'proposal', view, 'updatedAt', ARGV[2])
    redis.call('PUBLISH', ARGV[1] .. ids[i], render_ticket(KEYS[2 + i]))
  end
end
return reply('OPEN', '')
