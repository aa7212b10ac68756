package dev.rivalry.matchmaker.ticket;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.rivalry.matchmaker.system.MatchmakerProperties;
import dev.rivalry.web.ProblemException;
import dev.rivalry.profiles.Profile;

/**
 * The checks on a ticket that bean validation cannot express: limits from configuration,
 * distinct players, and the party size the owning profile admits. Pure.
 */
class TicketRules {

	private final MatchmakerProperties.Limits limits;

	TicketRules(MatchmakerProperties.Limits limits) {
		this.limits = limits;
	}

	Optional<ProblemException> checkShape(List<String> playerIds, Map<String, Object> attributes) {
		if (playerIds.size() > this.limits.players()) {
			return Optional.of(new TicketProblems.TooManyPlayers(playerIds.size(), this.limits.players()));
		}
		if (attributes.size() > this.limits.attributes()) {
			return Optional.of(new TicketProblems.TooManyAttributes(attributes.size(), this.limits.attributes()));
		}
		if (new HashSet<>(playerIds).size() != playerIds.size()) {
			return Optional.of(new TicketProblems.DuplicatePlayer());
		}
		return Optional.empty();
	}

	Optional<ProblemException> checkParty(Profile profile, List<String> playerIds) {
		if (!profile.admitsParty(playerIds.size())) {
			return Optional.of(new TicketProblems.PartyTooLarge(profile.name(), playerIds.size(),
					profile.strategy().maxPartySize()));
		}
		return Optional.empty();
	}

}
