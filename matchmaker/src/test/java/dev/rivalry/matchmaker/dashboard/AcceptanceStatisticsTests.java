package dev.rivalry.matchmaker.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.rivalry.testsupport.MutableClock;
import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.MatchProposal;
import dev.rivalry.tickets.Ticket;
import dev.rivalry.tickets.TicketIds;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tickets.TicketState;
import dev.rivalry.tokens.Participant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AcceptanceStatistics}: a ticket's proposal counts once from its first
 * {@code PROPOSED} change, however many acceptances follow, and ends by the state after it.
 */
class AcceptanceStatisticsTests {

	private static final Instant T0 = Instant.parse("2030-01-01T12:00:00Z");

	private final AcceptanceStatistics statistics = new AcceptanceStatistics(
			new MatchStatistics(new MutableClock(T0.plusSeconds(5))));

	@Test
	void eachEndingCountsOnceWithTheTimeFromProposalToAcceptance() {
		Ticket a = ticket("a");
		Ticket b = ticket("b");
		Ticket c = ticket("c");
		Ticket d = ticket("d");
		for (Ticket ticket : List.of(a, b, c, d)) {
			this.statistics.record(proposed(ticket, 0, List.of()));
			this.statistics.record(proposed(ticket, 1, List.of("x")));
		}
		Match match = new Match(TicketIds.newId("arena", "eu"), "arena",
				List.of(new Participant("a", 0), new Participant("b", 1)), Map.of(), null, null, T0);
		this.statistics.record(new TicketSnapshot(a, TicketState.MATCHED, 3, T0.plusSeconds(4), match));
		this.statistics.record(new TicketSnapshot(b, TicketState.MATCHED, 3, T0.plusSeconds(4), match));
		this.statistics.record(ended(c, TicketState.CANCELLED, TicketSnapshot.DECLINED));
		this.statistics.record(ended(d, TicketState.SEARCHING, null));
		this.statistics.record(ended(d, TicketState.CANCELLED, null));

		AcceptanceStatistics.AcceptanceFigures figures = this.statistics.figures();
		assertThat(figures.proposedTickets()).isEqualTo(4);
		assertThat(figures.acceptedTickets()).isEqualTo(2);
		assertThat(figures.accepted().total()).isEqualTo(1);
		assertThat(figures.accepted().timeToMatch().p50()).isBetween(4000L, 4100L);
		assertThat(figures.declinedTickets()).isEqualTo(1);
		assertThat(figures.timedOutTickets()).isZero();
		assertThat(figures.returnedTickets()).as("a later cancel of a returned ticket is not a proposal's end")
			.isEqualTo(1);
	}

	private static TicketSnapshot proposed(Ticket ticket, int seconds, List<String> accepted) {
		return new TicketSnapshot(ticket, TicketState.PROPOSED, 2 + seconds, T0.plusSeconds(seconds), null,
				new MatchProposal("p-1", T0.plusSeconds(15), 2, accepted), null);
	}

	private static TicketSnapshot ended(Ticket ticket, TicketState state, String reason) {
		return new TicketSnapshot(ticket, state, 9, T0.plusSeconds(6), null, null, reason);
	}

	private static Ticket ticket(String player) {
		return new Ticket(TicketIds.newId("arena", "eu"), "arena", "eu", List.of(new Ticket.Player(player)), Map.of(),
				Map.of(), T0.minusSeconds(10), T0.plusSeconds(300));
	}

}
