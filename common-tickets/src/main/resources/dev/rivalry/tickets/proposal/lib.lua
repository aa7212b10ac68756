-- Shared by the proposal scripts: prepended to each one, after the tickets' lib.lua.
-- A proposal is a hash: id, state (OPEN, ACCEPTED or DROPPED), head (the JSON the tickets
-- show, up to its accepted list), accepted (player ids, comma separated, in answer order),
-- players (how many must accept), tickets (ids, comma separated), match (the match JSON it
-- becomes), matchId, expiresAt (epoch ms), outcome (once ended: '<ticket id>:<state>,...').
-- Invariant: a proposal is OPEN exactly while every one of its tickets is PROPOSED in it.

local function split(list)
  local out = {}
  for part in string.gmatch(list, '[^,]+') do out[#out + 1] = part end
  return out
end

-- The proposal as its tickets show it: the head and the accepted players as a JSON array.
local function proposal_view(head, accepted)
  if accepted == '' then return head .. '[]}' end
  return head .. '["' .. (string.gsub(accepted, ',', '","')) .. '"]}'
end

-- Puts a proposed ticket back to SEARCHING (the proposal was dropped, not by its players):
-- it keeps its creation time, so it waits on with the wait it had.
local function release_ticket(key, channel, updated_at)
  move_ticket(key, channel, updated_at, nil, 'SEARCHING')
end

-- Ends a proposed ticket CANCELLED with a reason, kept ttl ms.
local function drop_ticket(key, channel, updated_at, reason, ttl)
  move_ticket(key, channel, updated_at, ttl, 'CANCELLED', 'reason', reason)
end

-- Ends an open proposal and tells the engines (their deadline timers are the fallback).
local function end_proposal(key, id, state, outcome, engines_channel)
  redis.call('HSET', key, 'state', state, 'outcome', outcome)
  redis.call('PUBLISH', engines_channel, id .. '|' .. state .. '|' .. outcome)
end
