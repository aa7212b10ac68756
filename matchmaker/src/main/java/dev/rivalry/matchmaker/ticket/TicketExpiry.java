package dev.rivalry.matchmaker.ticket;

import dev.rivalry.tickets.TicketState;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tickets.TransitionResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;


/**
 * Moves tickets past their time to live to {@code EXPIRED} (publishing the change, so
 * their event streams end). Run by a {@link dev.rivalry.redis.Sweeper} on every instance;
 * the move is one atomic script that only applies to a {@code SEARCHING} ticket, so
 * instances racing for one ticket are harmless and none is special.
 */
class TicketExpiry {

	private final TicketStore tickets;

	private final int batch;

	private final MeterRegistry registry;

	TicketExpiry(TicketStore tickets, int batch, MeterRegistry registry) {
		this.tickets = tickets;
		this.batch = batch;
		this.registry = registry;
	}

	/**
	 * Expires every ticket that is due, in batches.
	 * @return the number of tickets moved to {@code EXPIRED}
	 */
	Mono<Long> sweepOnce() {
		return this.tickets.dueForExpiry(this.batch)
			.flatMap(this::expire, 16)
			.filter(Boolean::booleanValue)
			.count();
	}

	private Mono<Boolean> expire(String ticketId) {
		return this.tickets.expire(ticketId).flatMap((result) -> {
			if (result instanceof TransitionResult.Applied applied) {
				Counter.builder("rivalry.tickets.expired")
					.tag("profile", applied.snapshot().ticket().profile())
					.register(this.registry)
					.increment();
			}
			if (result instanceof TransitionResult.Refused refused
					&& refused.current().state() == TicketState.PROPOSED) {
				// In a proposal: it expires (if it still searches) once the proposal has ended.
				return Mono.just(false);
			}
			return this.tickets.forgetExpiry(ticketId).thenReturn(result instanceof TransitionResult.Applied);
		});
	}

}
