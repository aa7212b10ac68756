package dev.rivalry.redis;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.redis.connection.ReactiveSubscription.PatternMessage;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * Messages published on the channels {@code <prefix><id>}, routed in this process to
 * whoever watches an id.
 * <p>
 * The instance holds one pattern subscription ({@code <prefix>*}) on one pub/sub
 * connection, made when the bean is initialised (before the application takes traffic)
 * and kept for the bean's lifetime: a lifecycle stop (a paused test context, a graceful
 * phase) does not give it up, because the container cannot subscribe again on the
 * connection the cancelled subscription closed. A watcher is an entry in a local map, added and removed without any Redis
 * command. That is deliberate: per-id {@code SUBSCRIBE}/{@code UNSUBSCRIBE} on a shared
 * connection race when watchers of one id come and go at once (a reconnecting event
 * stream), and the losing order either leaks a subscription or leaves a new watcher deaf
 * (ADR 0004). Thread safe.
 *
 * @param <T> what a message decodes to
 */
public class ChannelRouter<T> implements InitializingBean, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ChannelRouter.class);

	private final ReactiveRedisMessageListenerContainer container;

	private final String channelPrefix;

	private final Function<String, T> decoder;

	private final Map<String, Set<Watcher<T>>> watchers = new ConcurrentHashMap<>();

	/** Listeners of every message: best effort, so a slow one never holds up routing. */
	private final Sinks.Many<T> all = Sinks.many().multicast().directBestEffort();

	private final SubscriptionProbe probe;

	private final Disposable.Swap subscription = Disposables.swap();

	/**
	 * A router that does not look for gaps: {@link #gaps()} never signals.
	 * @param container the instance's pub/sub connection
	 * @param channelPrefix the channels' common prefix; the rest of a channel's name is the id
	 * @param decoder turns a message into what watchers receive
	 */
	public ChannelRouter(ReactiveRedisMessageListenerContainer container, String channelPrefix,
			Function<String, T> decoder) {
		this(container, channelPrefix, decoder, null);
	}

	/**
	 * A router that signals {@link #gaps()} found by a probe.
	 * @param container the instance's pub/sub connection
	 * @param channelPrefix the channels' common prefix; the rest of a channel's name is the id
	 * @param decoder turns a message into what watchers receive
	 * @param probe what finds gaps in the subscription; {@code null} for none
	 */
	public ChannelRouter(ReactiveRedisMessageListenerContainer container, String channelPrefix,
			Function<String, T> decoder, SubscriptionProbe probe) {
		this.container = container;
		this.channelPrefix = channelPrefix;
		this.decoder = decoder;
		this.probe = probe;
	}

	/**
	 * A signal each time the subscription is live again after it may have missed messages
	 * (a reconnection, a lost probe): whoever follows an id should read its state again.
	 * @return the signals; never completes while the router runs
	 */
	public Flux<Long> gaps() {
		return (this.probe != null) ? this.probe.gaps() : Flux.never();
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

	/**
	 * Every message routed from the moment of subscription on, whatever its id: for
	 * observers of the whole traffic, such as a dashboard. Best effort: a subscriber that
	 * has not requested more when a message arrives misses it, so a slow subscriber never
	 * delays the watchers. Messages are decoded only while someone listens.
	 * @return the decoded messages; never completes while the router runs
	 */
	public Flux<T> all() {
		return this.all.asFlux();
	}

	/** The number of ids watched on this instance. */
	public int watched() {
		return this.watchers.size();
	}

	private void dispatch(PatternMessage<String, String, String> message) {
		String id = message.getChannel().substring(this.channelPrefix.length());
		if (SubscriptionProbe.isProbe(id)) {
			if (this.probe != null) {
				this.probe.received(message.getChannel(), message.getMessage());
			}
			return;
		}
		Set<Watcher<T>> interested = this.watchers.get(id);
		boolean watched = interested != null && !interested.isEmpty();
		boolean listened = this.all.currentSubscriberCount() > 0;
		if (!watched && !listened) {
			return;
		}
		T decoded;
		try {
			decoded = this.decoder.apply(message.getMessage());
		}
		catch (RuntimeException ex) {
			// A message nobody can read must not end the subscription every watcher depends on.
			logger.warn("Skipped a message on {} that could not be decoded: {}", message.getChannel(), ex.toString());
			return;
		}
		if (watched) {
			interested.forEach((watcher) -> isolated(message.getChannel(), () -> watcher.messages.tryEmitNext(decoded)));
		}
		if (listened) {
			// One subscription calls dispatch, one message at a time: emissions are serialized.
			isolated(message.getChannel(), () -> this.all.tryEmitNext(decoded));
		}
	}

	/**
	 * Hands a message to one listener. What the listener's stream does with it runs on this
	 * thread (it may complete the stream and release what it held); whatever that throws must
	 * not end the one subscription every other watcher depends on.
	 */
	private static void isolated(String channel, Runnable emission) {
		try {
			emission.run();
		}
		catch (Throwable ex) {
			Exceptions.throwIfJvmFatal(ex);
			logger.warn("A listener of {} failed on a message; the others go on: {}", channel, ex.toString());
		}
	}

	private void forget(Watcher<T> watcher) {
		this.watchers.computeIfPresent(watcher.id, (id, set) -> {
			set.remove(watcher);
			return set.isEmpty() ? null : set;
		});
	}

	/** Subscribes to every channel of the prefix and waits for Redis to confirm, before traffic. */
	@Override
	public void afterPropertiesSet() {
		Flux<PatternMessage<String, String, String>> messages = this.container
			.receiveLater(PatternTopic.of(this.channelPrefix + "*"))
			.block(Duration.ofSeconds(30));
		this.subscription.update(messages.subscribe(this::dispatch, (ex) -> logger
			.error("Subscription to {}* ended; watchers get no more messages", this.channelPrefix, ex)));
		if (this.probe != null) {
			this.probe.start();
		}
	}

	@Override
	public void destroy() {
		if (this.probe != null) {
			this.probe.stop();
		}
		this.subscription.update(null);
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
