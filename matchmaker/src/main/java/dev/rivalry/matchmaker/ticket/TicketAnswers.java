package dev.rivalry.matchmaker.ticket;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.rivalry.matchmaker.identity.Caller;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.tickets.MatchProposal;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tickets.TicketState;
import dev.rivalry.tickets.proposal.ProposalResult;
import dev.rivalry.tickets.proposal.ProposalStore;
import reactor.core.publisher.Mono;

/**
 * A player's answers to a proposed match (profiles with acceptance): accept or decline,
 * each for the ticket's players the caller acts for, each applied atomically in Redis with
 * the proposal's other answers and its deadline. Answers are idempotent: accepting a match
 * already formed, or declining a ticket already declined, answers with the ticket as it is.
 */
class TicketAnswers {

	/** An acceptance is counted ({@code PROPOSED}), or it was the last and formed the match. */
	private static final Set<TicketState> AFTER_ACCEPT = Set.of(TicketState.PROPOSED, TicketState.MATCHED);

	private static final Set<TicketState> AFTER_DECLINE = Set.of(TicketState.CANCELLED);

	private final TicketService tickets;

	private final ProposalStore proposals;

	private final MatchProfiles profiles;

	private final AcceptanceMetrics metrics;

	private final Clock clock;

	TicketAnswers(TicketService tickets, ProposalStore proposals, MatchProfiles profiles, AcceptanceMetrics metrics,
			Clock clock) {
		this.clock = clock;
		this.tickets = tickets;
		this.proposals = proposals;
		this.profiles = profiles;
		this.metrics = metrics;
	}

	/** @return the ticket after the acceptance: {@code PROPOSED} with it counted, or {@code MATCHED} */
	Mono<TicketSnapshot> accept(Caller caller, String ticketId) {
		return readable(caller, ticketId).flatMap((snapshot) -> {
			if (snapshot.state() == TicketState.MATCHED) {
				return Mono.just(snapshot);
			}
			if (snapshot.state() != TicketState.PROPOSED) {
				return Mono.error(new TicketProblems.NotProposed(ticketId, snapshot.state()));
			}
			List<String> players = snapshot.ticket()
				.players()
				.stream()
				.map((player) -> player.id())
				.filter(caller::actsFor)
				.toList();
			MatchProposal proposal = snapshot.proposal();
			return this.proposals.accept(proposal.id(), ticketId, players)
				.doOnNext((result) -> this.metrics.accepted(snapshot.ticket().profile(), sinceProposed(snapshot)))
				.flatMap((result) -> answered(ticketId, result, AFTER_ACCEPT))
				.switchIfEmpty(Mono.error(() -> new TicketProblems.NotProposed(ticketId, snapshot.state())));
		});
	}

	/** @return the ticket after the decline: {@code CANCELLED}, reason {@code declined} */
	Mono<TicketSnapshot> decline(Caller caller, String ticketId) {
		return readable(caller, ticketId).flatMap((snapshot) -> {
			if (isDeclined(snapshot)) {
				return Mono.just(snapshot);
			}
			if (snapshot.state() == TicketState.MATCHED) {
				return Mono.error(new TicketProblems.AlreadyMatched(ticketId));
			}
			if (snapshot.state() != TicketState.PROPOSED) {
				return Mono.error(new TicketProblems.NotProposed(ticketId, snapshot.state()));
			}
			return declineProposed(snapshot)
				.flatMap((result) -> answered(ticketId, result, AFTER_DECLINE));
		});
	}

	private Mono<ProposalResult> declineProposed(TicketSnapshot snapshot) {
		return this.proposals.decline(snapshot.proposal().id(), snapshot.ticket().id())
			.doOnNext((result) -> this.metrics.declined(snapshot.ticket().profile()));
	}

	private Mono<TicketSnapshot> readable(Caller caller, String ticketId) {
		return this.tickets.find(caller, ticketId)
			.switchIfEmpty(Mono.error(() -> new TicketProblems.NotFound(ticketId)));
	}

	/** The answering ticket as the script left it, if it is in one of the states the answer leads to. */
	private static Mono<TicketSnapshot> answered(String ticketId, ProposalResult result, Set<TicketState> leadsTo) {
		TicketSnapshot ticket = result.ticket();
		if (ticket != null && leadsTo.contains(ticket.state())) {
			return Mono.just(ticket);
		}
		if (ticket != null && ticket.state() == TicketState.MATCHED) {
			return Mono.error(new TicketProblems.AlreadyMatched(ticketId));
		}
		return Mono.error(new TicketProblems.NotProposed(ticketId,
				(ticket != null) ? ticket.state() : TicketState.SEARCHING));
	}

	private static boolean isDeclined(TicketSnapshot snapshot) {
		return snapshot.state() == TicketState.CANCELLED && TicketSnapshot.DECLINED.equals(snapshot.reason());
	}

	/** How long the proposal had been open: now less its deadline less the profile's timeout. */
	private Duration sinceProposed(TicketSnapshot snapshot) {
		return this.profiles.byName(snapshot.ticket().profile())
			.filter((profile) -> profile.acceptance() != null)
			.map((profile) -> Duration.between(snapshot.proposal().expiresAt().minus(profile.acceptance().timeout()),
					this.clock.instant()))
			.filter((open) -> !open.isNegative())
			.orElse(Duration.ZERO);
	}

}
