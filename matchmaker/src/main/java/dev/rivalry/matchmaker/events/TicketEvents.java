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
 * <p>
 * Gap-free by re-reading: pub/sub drops what is published while the subscription is down
 * (a reconnection, a Redis restart). Each time the router reports that its subscription is
 * live again after a possible gap, the stream reads its ticket again and emits it if it is
 * newer than what it emitted (ADR 0004, amended).
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
	 * was sent, and the state read again after each gap. An unknown ticket ends the stream empty.
	 */
	private Flux<TicketSnapshot> currentThenChanges(String ticketId, Flux<TicketSnapshot> changes) {
		Mono<Optional<TicketSnapshot>> current = this.tickets.find(ticketId)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
		Flux<TicketSnapshot> afterGaps = this.updates.gaps().concatMap((gap) -> reread(ticketId));
		return Flux.mergeSequential(current, Flux.merge(changes, afterGaps).map(Optional::of))
			.takeWhile(Optional::isPresent)
			.map(Optional::get);
	}

	/**
	 * The state read again after a gap. A read that fails (Redis away again) is dropped: the
	 * reconnection that follows reports another gap, and this stream reads again then.
	 */
	private Mono<TicketSnapshot> reread(String ticketId) {
		return this.tickets.find(ticketId).onErrorResume((ex) -> Mono.empty());
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
