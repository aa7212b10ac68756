package dev.rivalry.matchmaker.events;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.rivalry.tickets.TicketCodec;
import dev.rivalry.tickets.TicketKeys;
import dev.rivalry.tickets.TicketSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveSubscription.PatternMessage;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * Changes of tickets as Redis publishes them, routed in this process to the streams that
 * watch them.
 * <p>
 * The instance holds one pattern subscription ({@code <prefix>ticket:*}) on one pub/sub
 * connection, made before the instance takes traffic, and keeps it for its lifetime. A
 * watcher is an entry in a local map, added and removed without any Redis command. That is
 * deliberate: per-ticket {@code SUBSCRIBE}/{@code UNSUBSCRIBE} on a shared connection race
 * when clients of one ticket come and go at once (a reconnecting event stream), and the
 * losing order either leaks a subscription or leaves a new watcher deaf. Every instance
 * receives every change; at the rates one Redis serves this is cheap (see ADR 0004).
 */
public class TicketUpdates implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(TicketUpdates.class);

	private final ReactiveRedisMessageListenerContainer container;

	private final TicketKeys keys;

	private final TicketCodec codec;

	private final Map<String, Set<Watcher>> watchers = new ConcurrentHashMap<>();

	private volatile Disposable subscription;

	public TicketUpdates(ReactiveRedisMessageListenerContainer container, TicketKeys keys, TicketCodec codec) {
		this.container = container;
		this.keys = keys;
		this.codec = codec;
	}

	/**
	 * Starts watching a ticket. Changes published from this call on are buffered for the
	 * watcher until it is closed, so a caller that registers first and reads the state
	 * second cannot miss a change.
	 * @param ticketId the ticket
	 * @return the watcher; close it to stop watching
	 */
	public Watcher watch(String ticketId) {
		Watcher watcher = new Watcher(ticketId);
		this.watchers.computeIfAbsent(ticketId, (id) -> ConcurrentHashMap.newKeySet()).add(watcher);
		return watcher;
	}

	/** The number of tickets watched on this instance. */
	public int watchedTickets() {
		return this.watchers.size();
	}

	private void dispatch(PatternMessage<String, String, String> message) {
		String ticketId = message.getChannel().substring(this.keys.channelPrefix().length());
		Set<Watcher> interested = this.watchers.get(ticketId);
		if (interested == null || interested.isEmpty()) {
			return;
		}
		TicketSnapshot snapshot = this.codec.decodeSnapshot(message.getMessage());
		interested.forEach((watcher) -> watcher.changes.tryEmitNext(snapshot));
	}

	private void forget(Watcher watcher) {
		this.watchers.computeIfPresent(watcher.ticketId, (id, set) -> {
			set.remove(watcher);
			return set.isEmpty() ? null : set;
		});
	}

	/** Subscribes to every ticket channel and waits for Redis to confirm, before traffic. */
	@Override
	public void start() {
		PatternTopic everyTicket = PatternTopic.of(this.keys.channelPrefix() + "*");
		Flux<PatternMessage<String, String, String>> messages = this.container.receiveLater(everyTicket)
			.block(Duration.ofSeconds(30));
		this.subscription = messages.subscribe(this::dispatch,
				(ex) -> logger.error("Ticket change subscription ended; event streams get no more changes", ex));
	}

	@Override
	public void stop() {
		Disposable current = this.subscription;
		if (current != null) {
			current.dispose();
		}
		this.subscription = null;
	}

	@Override
	public boolean isRunning() {
		return this.subscription != null;
	}

	/**
	 * One stream's interest in one ticket.
	 */
	public final class Watcher implements AutoCloseable {

		private final String ticketId;

		private final Sinks.Many<TicketSnapshot> changes = Sinks.many().unicast().onBackpressureBuffer();

		private Watcher(String ticketId) {
			this.ticketId = ticketId;
		}

		/** The changes since the watcher was created; subscribe once. */
		public Flux<TicketSnapshot> changes() {
			return this.changes.asFlux();
		}

		@Override
		public void close() {
			forget(this);
			this.changes.tryEmitComplete();
		}

	}

}
