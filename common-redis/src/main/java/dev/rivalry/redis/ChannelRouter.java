package dev.rivalry.redis;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
 * Messages published on the channels {@code <prefix><id>}, routed in this process to
 * whoever watches an id.
 * <p>
 * The instance holds one pattern subscription ({@code <prefix>*}) on one pub/sub
 * connection, made when the application starts, before it takes traffic, and kept for its
 * lifetime. A watcher is an entry in a local map, added and removed without any Redis
 * command. That is deliberate: per-id {@code SUBSCRIBE}/{@code UNSUBSCRIBE} on a shared
 * connection race when watchers of one id come and go at once (a reconnecting event
 * stream), and the losing order either leaks a subscription or leaves a new watcher deaf
 * (ADR 0004). Thread safe.
 *
 * @param <T> what a message decodes to
 */
public class ChannelRouter<T> implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ChannelRouter.class);

	private final ReactiveRedisMessageListenerContainer container;

	private final String channelPrefix;

	private final Function<String, T> decoder;

	private final Map<String, Set<Watcher<T>>> watchers = new ConcurrentHashMap<>();

	private volatile Disposable subscription;

	/**
	 * @param container the instance's pub/sub connection
	 * @param channelPrefix the channels' common prefix; the rest of a channel's name is the id
	 * @param decoder turns a message into what watchers receive
	 */
	public ChannelRouter(ReactiveRedisMessageListenerContainer container, String channelPrefix,
			Function<String, T> decoder) {
		this.container = container;
		this.channelPrefix = channelPrefix;
		this.decoder = decoder;
	}

	/**
	 * Starts watching an id. Messages published from this call on are buffered for the
	 * watcher until it is closed, so a caller that watches first and reads the state
	 * second cannot miss a change.
	 * @param id the id, the channel's name after the prefix
	 * @return the watcher; close it to stop watching
	 */
	public Watcher<T> watch(String id) {
		Watcher<T> watcher = new Watcher<>(id, this);
		this.watchers.computeIfAbsent(id, (key) -> ConcurrentHashMap.newKeySet()).add(watcher);
		return watcher;
	}

	/** The number of ids watched on this instance. */
	public int watched() {
		return this.watchers.size();
	}

	private void dispatch(PatternMessage<String, String, String> message) {
		Set<Watcher<T>> interested = this.watchers.get(message.getChannel().substring(this.channelPrefix.length()));
		if (interested == null || interested.isEmpty()) {
			return;
		}
		T decoded = this.decoder.apply(message.getMessage());
		interested.forEach((watcher) -> watcher.messages.tryEmitNext(decoded));
	}

	private void forget(Watcher<T> watcher) {
		this.watchers.computeIfPresent(watcher.id, (id, set) -> {
			set.remove(watcher);
			return set.isEmpty() ? null : set;
		});
	}

	/** Subscribes to every channel of the prefix and waits for Redis to confirm, before traffic. */
	@Override
	public void start() {
		Flux<PatternMessage<String, String, String>> messages = this.container
			.receiveLater(PatternTopic.of(this.channelPrefix + "*"))
			.block(Duration.ofSeconds(30));
		this.subscription = messages.subscribe(this::dispatch, (ex) -> logger
			.error("Subscription to {}* ended; watchers get no more messages", this.channelPrefix, ex));
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
	 * One interest in one id.
	 *
	 * @param <T> what a message decodes to
	 */
	public static final class Watcher<T> implements AutoCloseable {

		private final String id;

		private final ChannelRouter<T> router;

		private final Sinks.Many<T> messages = Sinks.many().unicast().onBackpressureBuffer();

		private Watcher(String id, ChannelRouter<T> router) {
			this.id = id;
			this.router = router;
		}

		/** The messages since the watcher was created; subscribe once. */
		public Flux<T> messages() {
			return this.messages.asFlux();
		}

		@Override
		public void close() {
			this.router.forget(this);
			this.messages.tryEmitComplete();
		}

	}

}
