package dev.rivalry.matchmaker.events;

import java.util.Optional;

import dev.rivalry.redis.ChannelRouter;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tickets.TicketStore;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The life of one ticket as a stream of snapshots: the current state first, then one
 * snapshot per change, completing after a terminal state.
 * <p>
 * Race-free by order: the watcher is registered (on a subscription that is always open)
 * before the state is read, so a change made between the two is both read and received;
 * versions drop the duplicate.
 */
public class TicketEvents {

	private final ChannelRouter<TicketSnapshot> updates;

	private final TicketStore tickets;

	/**
	 * @param updates the instance's router of ticket channels
	 * @param tickets the store the current state is read from
	 */
	public TicketEvents(ChannelRouter<TicketSnapshot> updates, TicketStore tickets) {
		this.updates = updates;
		this.tickets = tickets;
	}

	/**
	 * @param ticketId the ticket
	 * @return the snapshots; empty when the ticket is unknown
	 */
	public Flux<TicketSnapshot> follow(String ticketId) {
		return Flux.using(() -> this.updates.watch(ticketId),
				(watcher) -> currentThenChanges(ticketId, watcher.messages()), ChannelRouter.Watcher::close)
			.transform(TicketEvents::newerOnly)
			.takeUntil((snapshot) -> snapshot.state().isTerminal());
	}

	/**
	 * The current state, then the changes, which the watcher buffered since before the read
	 * was sent. An unknown ticket ends the stream empty.
	 */
	private Flux<TicketSnapshot> currentThenChanges(String ticketId, Flux<TicketSnapshot> changes) {
		Mono<Optional<TicketSnapshot>> current = this.tickets.find(ticketId)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
		return Flux.mergeSequential(current, changes.map(Optional::of))
			.takeWhile(Optional::isPresent)
			.map(Optional::get);
	}

	/** Drops every snapshot that is not newer than the last one let through. */
	private static Flux<TicketSnapshot> newerOnly(Flux<TicketSnapshot> snapshots) {
		return Flux.defer(() -> {
			long[] last = { 0 };
			return snapshots.filter((snapshot) -> {
				if (!snapshot.isNewerThan(last[0])) {
					return false;
				}
				last[0] = snapshot.version();
				return true;
			});
		});
	}

}
