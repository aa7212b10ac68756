package dev.rivalry.matchmaker.ticket;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import dev.rivalry.matchmaker.identity.Caller;
import dev.rivalry.matchmaker.identity.IdentityProblems;
import dev.rivalry.web.ProblemException;
import dev.rivalry.profiles.Profile;

/**
 * The checks on a well-formed ticket (see {@link TicketSchema}) that have problems of their
 * own: distinct players, whether the caller may queue them, and the party size the owning
 * profile admits. Pure.
 */
class TicketRules {

	private final String partyClaim;

	TicketRules(String partyClaim) {
		this.partyClaim = partyClaim;
	}

	/** Whether the caller may queue these players (docs/security.md, "Party tickets"). */
	Optional<ProblemException> checkCaller(Caller caller, List<String> playerIds) {
		return switch (caller.mayCreate(playerIds)) {
			case NONE -> Optional.empty();
			case NOT_A_PLAYER -> Optional.of(new IdentityProblems.NotAPlayer());
			case PARTY_NOT_AGREED -> Optional.of(new IdentityProblems.PartyNotAgreed(this.partyClaim));
		};
	}

	Optional<ProblemException> checkDistinct(List<String> playerIds) {
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
