package dev.rivalry.matchmaker.limits;

import dev.rivalry.limits.ConcurrencyLimit;
import dev.rivalry.limits.Leases;
import dev.rivalry.matchmaker.system.MatchmakerProperties;
import reactor.core.publisher.Flux;

/**
 * At most {@code rivalry.matchmaker.rate-limits.streams-per-ticket} event streams open on one
 * ticket, whoever opened them and on whichever instance. A stream holds a lease in Redis,
 * renewed while it is open and given back when it ends; the lease of a stream whose
 * instance crashed runs out after {@code stream-lease}. Thread safe.
 */
public final class TicketStreamCap {

	private final Leases leases;

	private final ConcurrencyLimit limit;

	TicketStreamCap(Leases leases, MatchmakerProperties.RateLimits limits) {
		this.leases = leases;
		this.limit = new ConcurrencyLimit("streams-per-ticket", limits.streamsPerTicket(), limits.streamLease());
	}

	/**
	 * @param ticketId the ticket the stream follows
	 * @param stream the stream
	 * @param <T> its events
	 * @return the stream, holding one of the ticket's places while it runs; a
	 * {@code 429 rate-limited} error before any event when every place is taken
	 */
	public <T> Flux<T> hold(String ticketId, Flux<T> stream) {
		return this.leases.hold(this.limit, ticketId, stream);
	}

}
