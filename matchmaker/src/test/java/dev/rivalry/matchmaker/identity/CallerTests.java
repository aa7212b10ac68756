package dev.rivalry.matchmaker.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rivalry.matchmaker.identity.Caller.Refusal;
import dev.rivalry.tickets.Ticket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTests {

	private static final Caller.Player ALICE_WITH_BOB = new Caller.Player("alice", Set.of("bob"));

	@ParameterizedTest(name = "alice (party: bob) creating {0} -> {1}")
	@CsvSource({ "alice, NONE", "'alice,bob', NONE", "'bob,alice', NONE", "bob, NOT_A_PLAYER", "'bob,carol', NOT_A_PLAYER",
			"'alice,carol', PARTY_NOT_AGREED", "'alice,bob,carol', PARTY_NOT_AGREED" })
	void aPlayerMayQueueItselfAndTheMembersItsPartyClaimLists(String players, Refusal expected) {
		assertThat(ALICE_WITH_BOB.mayCreate(List.of(players.split(",")))).isEqualTo(expected);
	}

	@Test
	void aPlayerReadsOnlyTicketsItIsOnAndActsOnlyForItself() {
		assertThat(ALICE_WITH_BOB.mayRead(ticket("bob", "alice"))).isTrue();
		assertThat(ALICE_WITH_BOB.mayRead(ticket("bob"))).isFalse();
		assertThat(ALICE_WITH_BOB.actsFor("alice")).isTrue();
		assertThat(ALICE_WITH_BOB.actsFor("bob")).as("a party member's token is its own").isFalse();
	}

	@Test
	void aBackEndMayDoAnythingForAnyPlayer() {
		Caller backend = new Caller.Backend("lobby");
		assertThat(backend.mayCreate(List.of("x", "y"))).isEqualTo(Refusal.NONE);
		assertThat(backend.mayRead(ticket("x"))).isTrue();
		assertThat(backend.actsFor("x")).isTrue();
	}

	@Test
	void idempotencyKeysOfDifferentCallersNeverShareAScope() {
		assertThat(ALICE_WITH_BOB.idempotencyScope(List.of("alice"))).isEqualTo("alice");
		assertThat(new Caller.Backend("alice").idempotencyScope(List.of("alice"))).isNotEqualTo("alice");
	}

	private static Ticket ticket(String... players) {
		return new Ticket("t-1", "duel", "eu", List.of(players).stream().map(Ticket.Player::new).toList(), Map.of(),
				Map.of(), Instant.EPOCH, Instant.EPOCH.plusSeconds(60));
	}

}
