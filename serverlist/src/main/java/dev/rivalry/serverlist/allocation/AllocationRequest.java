package dev.rivalry.serverlist.allocation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.rivalry.serverlist.system.ServerlistProperties;
import dev.rivalry.tokens.MatchClaims;

/**
 * What a match needs of a server, read from its verified match token:
 * <ul>
 * <li>{@code game}: the token's {@code game} claim, or the default game when it has none;</li>
 * <li>{@code region}: {@code config.region}, a string; absent means any region;</li>
 * <li>{@code labels}: {@code config.labels}, an object of strings; a server fits when it has
 * every one of them with the same value (it may have more).</li>
 * </ul>
 * The rest of {@code config} is opaque to the serverlist.
 *
 * @param matchId the match
 * @param game the game the server must run
 * @param region the region the server must run in, or {@code null} for any
 * @param labels the labels the server must have
 * @param avoid servers that let this match's allocation expire before: chosen last
 */
public record AllocationRequest(String matchId, String game, String region, Map<String, String> labels,
		Set<String> avoid) {

	private static final Pattern NAME = Pattern.compile(ServerlistProperties.NAME);

	public AllocationRequest {
		labels = Map.copyOf(labels);
		avoid = Set.copyOf(avoid);
	}

	/**
	 * @param claims a verified match token's claims
	 * @param defaultGame the game of tokens without a {@code game} claim
	 * @return the request
	 * @throws AllocationProblems.UnsupportedConfig when {@code config.region} or
	 * {@code config.labels} is not of the documented shape
	 */
	static AllocationRequest of(MatchClaims claims, String defaultGame) {
		String game = (claims.game() != null) ? claims.game() : defaultGame;
		if (!NAME.matcher(game).matches()) {
			throw new AllocationProblems.UnsupportedConfig("game", "a name of 1 to 64 letters, digits, '.', '_' or '-'");
		}
		return new AllocationRequest(claims.matchId(), game, region(claims.config()), labels(claims.config()), Set.of());
	}

	/** @return this request, choosing the given servers last */
	AllocationRequest avoiding(Set<String> servers) {
		return new AllocationRequest(this.matchId, this.game, this.region, this.labels, servers);
	}

	private static String region(Map<String, Object> config) {
		Object region = config.get("region");
		if (region == null) {
			return null;
		}
		if (!(region instanceof String text) || !NAME.matcher(text).matches()) {
			throw new AllocationProblems.UnsupportedConfig("config.region",
					"a region name of 1 to 64 letters, digits, '.', '_' or '-'");
		}
		return text;
	}

	private static Map<String, String> labels(Map<String, Object> config) {
		Object labels = config.get("labels");
		if (labels == null) {
			return Map.of();
		}
		if (!(labels instanceof Map<?, ?> map)) {
			throw new AllocationProblems.UnsupportedConfig("config.labels", "an object of string values");
		}
		Map<String, String> required = new LinkedHashMap<>();
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (!(entry.getValue() instanceof String value)) {
				throw new AllocationProblems.UnsupportedConfig("config.labels", "an object of string values");
			}
			required.put((String) entry.getKey(), value);
		}
		return required;
	}

}
