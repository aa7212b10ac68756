package dev.rivalry.matchmaker.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.rivalry.matchmaker.identity.Caller;
import dev.rivalry.matchmaker.messaging.TicketStream;
import dev.rivalry.matchmaker.ticket.CreateTicketRequest.PlayerRequest;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.profiles.Profile;
import dev.rivalry.tickets.Ticket;
import dev.rivalry.tickets.TicketIds;
import dev.rivalry.tickets.TicketMessage;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tickets.TicketState;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tickets.TransitionResult;
import dev.rivalry.tickets.proposal.ProposalStore;
import dev.rivalry.web.InvalidRequestException;
import dev.rivalry.web.InvalidRequestException.FieldError;

import reactor.core.publisher.Mono;

/**
 * Creates, reads and cancels tickets. A ticket is acknowledged only once it is stored in
 * Redis and its record is acknowledged by Kafka; when either fails, what was written is
 * removed again, so a refused request leaves nothing behind. Every check, and the encoding
 * of the ticket's record, comes before the first write.
 */
class TicketService {

	private static final int CANCEL_ATTEMPTS = 3;

	private final MatchProfiles profiles;

	private final TicketSchema schema;

	private final TicketRules rules;

	private final TicketStore tickets;

	private final PlayerClaims claims;

	private final IdempotencyKeys requests;

	private final TicketStream stream;

	private final TicketMetrics metrics;

	private final Clock clock;

	private final ProposalStore proposals;

	TicketService(MatchProfiles profiles, TicketSchema schema, TicketRules rules, TicketStore tickets, PlayerClaims claims,
			IdempotencyKeys requests, TicketStream stream, TicketMetrics metrics, Clock clock, ProposalStore proposals) {
		this.proposals = proposals;
		this.profiles = profiles;
		this.schema = schema;
		this.rules = rules;
		this.tickets = tickets;
		this.claims = claims;
		this.requests = requests;
		this.stream = stream;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * @return the new ticket, or the one an earlier request with the same key created
	 */
	Mono<TicketSnapshot> create(Caller caller, CreateTicketRequest request) {
		refuseIfAny(this.schema.check(request));
		Map<String, Object> attributes = (request.attributes() != null) ? request.attributes() : Map.of();
		List<String> playerIds = request.players().stream().map(PlayerRequest::id).toList();
		Profile profile = routeOrRefuse(caller, playerIds, attributes);
		String pool = profile.poolKeyOf(attributes);
		Instant now = this.clock.instant();
		Ticket ticket = new Ticket(TicketIds.newId(profile.name(), pool), profile.name(), pool,
				playerIds.stream().map(Ticket.Player::new).toList(), attributes, request.latencies(), now,
				now.plus(profile.ticketTtl()));
		TicketStream.Record created = encodeOrRefuse(ticket);
		if (request.requestId() == null) {
			return admit(caller, ticket, created, playerIds);
		}
		String scope = caller.idempotencyScope(playerIds);
		return this.requests.remember(scope, request.requestId(), ticket.id(), profile.ticketTtl())
			.flatMap((earlierId) -> replay(caller, earlierId))
			.switchIfEmpty(Mono.defer(() -> admit(caller, ticket, created, playerIds)
				.onErrorResume((ex) -> this.requests.forget(scope, request.requestId(), ticket.id())
					.then(Mono.error(ex)))));
	}

	/** @return the ticket, or empty when it does not exist or is not the caller's to see */
	Mono<TicketSnapshot> find(Caller caller, String ticketId) {
		return this.tickets.find(ticketId).filter((snapshot) -> caller.mayRead(snapshot.ticket()));
	}

	/**
	 * Cancels a searching ticket. Redis is the truth: once the ticket is {@code CANCELLED}
	 * there, the engine will never match it, so the record on the stream only frees the
	 * engine's memory early and its failure is logged, not returned. A ticket in a proposal
	 * is cancelled by declining the proposal (its engine settles from the proposal's end).
	 * @return empty when the ticket was cancelled (now or before) or had expired
	 */
	Mono<Void> cancel(Caller caller, String ticketId) {
		// The players of a ticket never change, so reading them first leaves no race.
		return find(caller, ticketId).switchIfEmpty(Mono.error(() -> new TicketProblems.NotFound(ticketId)))
			.then(cancel(ticketId, CANCEL_ATTEMPTS));
	}

	/**
	 * A proposal may end between the read and the decline, putting the ticket back to
	 * {@code SEARCHING}: then the cancel is tried again (a proposal needs a batch window to
	 * form, so a second one in between is already unlikely).
	 */
	private Mono<Void> cancel(String ticketId, int attempts) {
		return this.tickets.cancel(ticketId).flatMap((result) -> {
			if (result instanceof TransitionResult.Applied applied) {
				Ticket ticket = applied.snapshot().ticket();
				this.metrics.cancelled(ticket.profile());
				return this.tickets.forgetExpiry(ticketId)
					.then(this.stream.publish(ticket.profile(), ticket.pool(), new TicketMessage.Cancelled(ticketId)))
					.onErrorResume((ex) -> this.metrics.cancelNotStreamed(ticket.profile(), ex));
			}
			if (result instanceof TransitionResult.Refused refused) {
				TicketSnapshot current = refused.current();
				if (current.state() == TicketState.MATCHED) {
					return Mono.error(new TicketProblems.AlreadyMatched(ticketId));
				}
				if (current.state() == TicketState.PROPOSED && attempts > 1) {
					return this.proposals.decline(current.proposal().id(), ticketId)
						.flatMap((declined) -> afterDecline(ticketId, declined.ticket(), attempts));
				}
				return Mono.empty();
			}
			return Mono.error(new TicketProblems.NotFound(ticketId));
		});
	}

	private Mono<Void> afterDecline(String ticketId, TicketSnapshot ticket, int attempts) {
		if (ticket == null || ticket.state() == TicketState.SEARCHING) {
			return cancel(ticketId, attempts - 1);
		}
		if (ticket.state() == TicketState.MATCHED) {
			return Mono.error(new TicketProblems.AlreadyMatched(ticketId));
		}
		this.metrics.cancelled(ticket.ticket().profile());
		return Mono.empty();
	}

	/** Refusals are thrown, not signalled: they all come before any I/O. */
	private void refuseIfAny(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw this.metrics.refused(new InvalidRequestException(errors));
		}
	}

	/** Throws the problem of a ticket no profile takes, or whose pool it does not allow. */
	private Profile routeOrRefuse(Caller caller, List<String> playerIds, Map<String, Object> attributes) {
		this.rules.checkDistinct(playerIds).ifPresent((problem) -> {
			throw this.metrics.refused(problem);
		});
		this.rules.checkCaller(caller, playerIds).ifPresent((problem) -> {
			throw this.metrics.refused(problem);
		});
		Profile profile = this.profiles.firstMatching(attributes)
			.orElseThrow(() -> this.metrics.refused(new TicketProblems.NoMatchingProfile()));
		refuseIfAny(this.schema.checkPool(profile, attributes));
		this.rules.checkParty(profile, playerIds).ifPresent((problem) -> {
			throw this.metrics.refused(problem);
		});
		return profile;
	}

	/**
	 * The ticket's record, encoded before anything is written: a ticket the schema passed
	 * always encodes, and should one not, it is refused as invalid rather than half written.
	 */
	private TicketStream.Record encodeOrRefuse(Ticket ticket) {
		try {
			return this.stream.encode(ticket.profile(), ticket.pool(), new TicketMessage.Created(ticket));
		}
		catch (IllegalArgumentException ex) {
			throw this.metrics.refused(new InvalidRequestException(
					List.of(new FieldError("attributes", "cannot be encoded as a ticket record"))));
		}
	}

	private Mono<TicketSnapshot> admit(Caller caller, Ticket ticket, TicketStream.Record created, List<String> playerIds) {
		Duration claimTtl = Duration.between(ticket.createdAt(), ticket.expiresAt());
		return this.claims.claimAll(ticket.profile(), playerIds, ticket.id(), claimTtl)
			.flatMap((conflict) -> Mono.<TicketSnapshot>error(this.metrics.refused(new TicketProblems.ActiveTicketExists(
					conflict, ticket.profile(), caller.actsFor(conflict.playerId())))))
			.switchIfEmpty(Mono.defer(() -> storeAndPublish(ticket, created)
				.onErrorResume((ex) -> this.claims.releaseAll(ticket.profile(), playerIds, ticket.id())
					.then(Mono.error(ex)))));
	}

	private Mono<TicketSnapshot> storeAndPublish(Ticket ticket, TicketStream.Record created) {
		return this.tickets.create(ticket)
			.then(this.stream.publish(created)
				.onErrorResume((ex) -> this.tickets.delete(ticket)
					.then(Mono.error(this.metrics.refused(new TicketProblems.StreamUnavailable(ex))))))
			.then(Mono.fromSupplier(() -> {
				this.metrics.created(ticket.profile());
				return new TicketSnapshot(ticket, TicketState.SEARCHING, 1, ticket.createdAt(), null);
			}));
	}

	private Mono<TicketSnapshot> replay(Caller caller, String earlierId) {
		return find(caller, earlierId)
			.switchIfEmpty(Mono.error(() -> new TicketProblems.RequestInProgress()));
	}

}
