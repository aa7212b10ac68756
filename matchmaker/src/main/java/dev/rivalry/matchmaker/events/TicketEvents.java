package dev.rivalry.matchmaker.events;

import dev.rivalry.redis.ChannelRouter;
import dev.rivalry.redis.Lifecycle;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tickets.TicketStore;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The life of one ticket as a stream of snapshots: the current state first, then one
 * snapshot per change, completing after a terminal state; race-free and gap-free as
 * {@link Lifecycle} says.
 */
public class TicketEvents {

	private final Lifecycle<TicketSnapshot> lifecycle;

	private final TicketStore tickets;

	/**
	 * @param updates the instance's router of ticket channels
	 * @param tickets the store the current state is read from
	 */
	public TicketEvents(ChannelRouter<TicketSnapshot> updates, TicketStore tickets) {
		this.lifecycle = new Lifecycle<>(updates, tickets::find, TicketSnapshot::version,
				(snapshot) -> snapshot.state().isTerminal());
		this.tickets = tickets;
	}

	/**
	 * @param ticketId the ticket
	 * @return its current state; empty when the ticket is unknown
	 */
	public Mono<TicketSnapshot> current(String ticketId) {
		return this.tickets.find(ticketId);
	}

	/**
	 * @param ticketId the ticket
	 * @return the snapshots; empty when the ticket is unknown
	 */
	public Flux<TicketSnapshot> follow(String ticketId) {
		return this.lifecycle.follow(ticketId);
	}

}
