package dev.rivalry.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rivalry.tickets.Ticket;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tickets.TicketState;
import dev.rivalry.tokens.Participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Checks that every ticket ended in exactly one match: all matched, each match of the
 * profile's size, every match's tickets agreeing on it, no player twice.
 */
final class MatchAudit {

	private MatchAudit() {
	}

	static void awaitAllMatchedExactlyOnce(TicketFeed feed, List<Ticket> tickets, Duration within) {
		await().atMost(within)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> count(feed, tickets, TicketState.MATCHED) == tickets.size());
		Map<String, List<TicketSnapshot>> byMatch = new HashMap<>();
		for (Ticket ticket : tickets) {
			TicketSnapshot snapshot = feed.find(ticket.id());
			byMatch.computeIfAbsent(snapshot.match().id(), (id) -> new ArrayList<>()).add(snapshot);
		}
		Set<String> players = new HashSet<>();
		byMatch.forEach((matchId, members) -> {
			assertThat(members).as("tickets of match %s", matchId).hasSize(2);
			assertThat(members).extracting((member) -> member.match()).as("match %s", matchId).containsOnly(members.get(0).match());
			assertThat(members.get(0).ticket().pool()).isEqualTo(members.get(1).ticket().pool());
			for (Participant participant : members.get(0).match().participants()) {
				assertThat(players.add(participant.id())).as("player %s in one match only", participant.id()).isTrue();
			}
		});
		assertThat(byMatch).hasSize(tickets.size() / 2);
	}

	static long count(TicketFeed feed, List<Ticket> tickets, TicketState state) {
		return tickets.stream().filter((ticket) -> feed.find(ticket.id()).state() == state).count();
	}

	/** Tickets spread over pools so that every pool gets an even number (1v1 leaves none). */
	static List<Ticket> createPairs(TicketFeed feed, int count, int pools, String prefix) {
		List<Ticket> tickets = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			tickets.add(feed.create(prefix + ((i / 2) % pools)));
		}
		return tickets;
	}

}
