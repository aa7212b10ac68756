package dev.rivalry.tokens;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each kind of token stays valid after it is issued.
 *
 * @param match of match tokens: long enough for the player to ask for an allocation
 * @param allocation of allocation tokens: long enough to connect to the server
 * @param report of report tokens: long enough for a whole match to be played and reported
 * @param server of server credentials: a server registers again before it runs out
 */
public record TokenLifetimes(Duration match, Duration allocation, Duration report, Duration server) {

	public TokenLifetimes {
		positive(match, "match");
		positive(allocation, "allocation");
		positive(report, "report");
		positive(server, "server");
	}

	/** @return 5 minutes, 5 minutes, 2 hours and 30 days */
	public static TokenLifetimes defaults() {
		return new TokenLifetimes(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofHours(2),
				Duration.ofDays(30));
	}

	/**
	 * @param kind a token kind
	 * @return the lifetime of that kind
	 */
	public Duration of(TokenKind<?> kind) {
		return kind.lifetimeIn(this);
	}

	private static void positive(Duration lifetime, String name) {
		Objects.requireNonNull(lifetime, () -> name + " lifetime must not be null");
		if (lifetime.isNegative() || lifetime.isZero()) {
			throw new IllegalArgumentException(name + " lifetime must be positive");
		}
	}

}
