package dev.rivalry.serverlist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rivalry.tokens.Participant;

/**
 * A match as the matchmaker would form it, with each participant's match token.
 *
 * @param matchId the match
 * @param participants its players, two teams
 * @param config its configuration (region and labels as the serverlist reads them)
 * @param game its game
 */
public record TestMatch(String matchId, List<Participant> participants, Map<String, Object> config, String game) {

	public static TestMatch of(String game, String region, Map<String, String> labels, int players) {
		String matchId = "m-" + UUID.randomUUID();
		List<Participant> participants = new ArrayList<>();
		for (int i = 0; i < players; i++) {
			participants.add(new Participant("p" + i + "-" + matchId.substring(2, 10), i % 2));
		}
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("mode", "duel");
		if (region != null) {
			config.put("region", region);
		}
		if (!labels.isEmpty()) {
			config.put("labels", labels);
		}
		return new TestMatch(matchId, participants, config, game);
	}

	public static TestMatch of(String game, String region) {
		return of(game, region, Map.of(), 2);
	}

	/** @return the match token of the participant at {@code index} */
	public String token(int index) {
		return FakeMatchmaker.get()
			.matchToken(this.participants.get(index).id(), this.matchId, this.participants, this.config, this.game);
	}

	public String player(int index) {
		return this.participants.get(index).id();
	}

}
