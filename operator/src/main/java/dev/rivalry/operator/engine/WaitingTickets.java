package dev.rivalry.operator.engine;

import java.util.OptionalLong;

import dev.rivalry.operator.resource.MatchProfile;

/** How many tickets wait for a profile in its engines. Implementations are thread safe. */
@FunctionalInterface
public interface WaitingTickets {

	/**
	 * @param profile the MatchProfile
	 * @return tickets waiting in its engines' pools; empty when no engine answered
	 */
	OptionalLong waiting(MatchProfile profile);

}
