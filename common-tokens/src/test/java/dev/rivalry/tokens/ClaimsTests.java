package dev.rivalry.tokens;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.rivalry.tokens.TestTokens.CONFIG;
import static dev.rivalry.tokens.TestTokens.PARTICIPANTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClaimsTests {

	static Stream<Arguments> invalidClaims() {
		return Stream.of(
				invalid("a blank player", () -> new MatchClaims(" ", "m", "p", CONFIG, PARTICIPANTS), "playerId"),
				invalid("no match id", () -> new MatchClaims("alice", null, "p", CONFIG, PARTICIPANTS), "matchId"),
				invalid("no profile", () -> new MatchClaims("alice", "m", "", CONFIG, PARTICIPANTS), "profile"),
				invalid("no config", () -> new MatchClaims("alice", "m", "p", null, PARTICIPANTS), "config"),
				invalid("no participants", () -> new MatchClaims("alice", "m", "p", CONFIG, List.of()), "participants"),
				invalid("a player who is not a participant",
						() -> new MatchClaims("carol", "m", "p", CONFIG, PARTICIPANTS), "one of the participants"),
				invalid("a participant twice", () -> new MatchClaims("alice", "m", "p", CONFIG,
						List.of(new Participant("alice", 0), new Participant("alice", 1))), "repeat"),
				invalid("a negative team", () -> new Participant("alice", -1), "team"),
				invalid("config that is not JSON", () -> new MatchClaims("alice", "m", "p",
						Map.of("at", Instant.EPOCH), PARTICIPANTS), "config.at"),
				invalid("config with an infinite number", () -> new MatchClaims("alice", "m", "p",
						Map.of("ratio", Double.POSITIVE_INFINITY), PARTICIPANTS), "finite"),
				invalid("conn without a port", () -> AllocationClaims.of(TestTokens.match(), "s", "10.0.0.1"), "conn"),
				invalid("conn with port 0", () -> AllocationClaims.of(TestTokens.match(), "s", "host:0"), "port"),
				invalid("conn with a port too high", () -> AllocationClaims.of(TestTokens.match(), "s", "host:65536"),
						"port"),
				invalid("no server", () -> ReportClaims.of(TestTokens.match(), ""), "serverId"),
				invalid("no fleet", () -> new ServerClaims("s", null), "fleet"),
				invalid("one party name for both", () -> new PartyNames("same", "same"), "different"),
				invalid("a zero lifetime", () -> new TokenLifetimes(Duration.ZERO,
						Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1)),
						"match lifetime"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidClaims")
	void invalidClaimsAreRefusedNamingTheField(String description, Runnable construction, String message) {
		assertThatIllegalArgumentException().isThrownBy(construction::run).withMessageContaining(message);
	}

	@Test
	void configIsCopiedDeeplyWithNumbersAsAParserGivesThemBack() {
		Map<String, Object> nested = new HashMap<>(Map.of("size", 2));
		Map<String, Object> config = new HashMap<>(Map.of("team", nested, "int", 1, "big", BigInteger.TEN, "decimal",
				new BigDecimal("2.5"), "whole", new BigDecimal("7"), "float", 1.5f, "list", List.of((short) 3)));

		MatchClaims claims = new MatchClaims("alice", "m", "p", config, PARTICIPANTS);
		nested.put("size", 3);

		assertThat(claims.config()).isEqualTo(Map.of("team", Map.of("size", 2L), "int", 1L, "big", 10L, "decimal", 2.5,
				"whole", 7L, "float", 1.5, "list", List.of(3L)));
		assertThatThrownBy(() -> claims.config().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void aBlankGameMeansTheOriginalGame() {
		assertThat(new ReportClaims("s", "m", CONFIG, PARTICIPANTS, " ").game()).isNull();
	}

	@Test
	void allocationAndReportClaimsCarryTheMatchOver() {
		MatchClaims match = TestTokens.match();

		assertThat(AllocationClaims.of(match, "s", "[::1]:7777")).isEqualTo(new AllocationClaims("alice", "s", "m-1",
				match.config(), match.participants(), "[::1]:7777", "rivalry"));
		assertThat(ReportClaims.of(match, "s"))
			.isEqualTo(new ReportClaims("s", "m-1", match.config(), match.participants(), "rivalry"));
	}

	private static Arguments invalid(String description, Runnable construction, String message) {
		return Arguments.of(description, construction, message);
	}

}
