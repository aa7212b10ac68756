package dev.rivalry.matchmaker.result;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /v1/matches/{matchId}/results}. Whether it fits the match (one
 * rank per team, ranks from 1 to the team count) is checked against the stored match.
 *
 * @param teams one entry per team, in the match's team order
 */
record ReportRequest(@NotEmpty @Size(max = 64) List<@Valid @NotNull TeamRank> teams) {

	/**
	 * @param rank the team's place: 1 is best, equal ranks are a draw
	 */
	record TeamRank(@NotNull Integer rank) {
	}

}
