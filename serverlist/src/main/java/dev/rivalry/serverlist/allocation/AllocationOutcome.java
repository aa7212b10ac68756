package dev.rivalry.serverlist.allocation;

import java.time.Instant;

/**
 * What asking for a match's server came to.
 */
sealed interface AllocationOutcome {

	/** @return the tag of the outcome in metrics */
	String tag();

	/**
	 * The match has a server.
	 *
	 * @param matchId the match
	 * @param serverId its server
	 * @param conn how to connect to the server
	 * @param startBy when the server must have confirmed the start
	 * @param fresh whether this call picked the server ({@code false}: an earlier call did)
	 */
	record Allocated(String matchId, String serverId, String conn, Instant startBy, boolean fresh)
			implements AllocationOutcome {

		@Override
		public String tag() {
			return this.fresh ? "allocated" : "existing";
		}

	}

	/**
	 * No {@code READY} server fits the match now.
	 *
	 * @param request what the match needs
	 */
	record NoCapacity(AllocationRequest request) implements AllocationOutcome {

		@Override
		public String tag() {
			return "no-capacity";
		}

	}

	/**
	 * The match was played and its server released: it is not allocated again.
	 *
	 * @param matchId the match
	 */
	record MatchEnded(String matchId) implements AllocationOutcome {

		@Override
		public String tag() {
			return "match-ended";
		}

	}

}
