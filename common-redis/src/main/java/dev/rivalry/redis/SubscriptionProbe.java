package dev.rivalry.redis;

import java.time.Duration;
import java.util.UUID;

import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.resource.ClientResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Tells when a pattern subscription may have missed messages, once it is confirmed live
 * again (ADR 0004, amended). Redis pub/sub is fire-and-forget: a message published while
 * the subscribing connection is down, reconnecting or re-subscribing is gone for good.
 * <p>
 * Every {@code interval} this instance publishes a numbered probe on a channel of its own
 * under the pattern. A gap is found when a probe comes back while an earlier one never did
 * (it was published while the subscription was down, or not published at all because Redis
 * was), or when a probe published after a (re)connection reported by the client comes back.
 * The probe that comes back proves the subscription delivers again: whoever re-reads the
 * state after the signal has everything. A slow round trip is no gap; probes arrive in the
 * order they were published (one connection publishes them). Thread safe.
 */
public final class SubscriptionProbe {

	/** The ids (channel names after the prefix) of probes start with this; no real id does. */
	static final String PROBE_ID_PREFIX = "~probe:";

	private static final Logger logger = LoggerFactory.getLogger(SubscriptionProbe.class);

	private final ReactiveStringRedisTemplate redis;

	private final String channel;

	private final Duration interval;

	private final Flux<?> reconnections;

	private final Sinks.Many<Long> gaps = Sinks.many().multicast().directBestEffort();

	/** The number of the last probe published (or attempted). */
	private long sent;

	/** The number of the last probe that came back. */
	private long received;

	/** A reconnection was reported: the first probe numbered from here on closes the gap. */
	private long reconnectedAt = Long.MAX_VALUE;

	private long closed;

	private final Disposable.Swap ticks = Disposables.swap();

	/**
	 * @param redis where probes are published
	 * @param channelPrefix the prefix of the subscribed pattern ({@code <prefix>*})
	 * @param interval how often a probe is sent: the longest a silent gap goes unnoticed
	 * @param reconnections a signal per (re)connection of the client's connections
	 */
	public SubscriptionProbe(ReactiveStringRedisTemplate redis, String channelPrefix, Duration interval,
			Flux<?> reconnections) {
		this.redis = redis;
		this.channel = channelPrefix + PROBE_ID_PREFIX + UUID.randomUUID();
		this.interval = interval;
		this.reconnections = reconnections;
	}

	/**
	 * A probe whose reconnections are those of a Lettuce client's connections.
	 * @param redis where probes are published
	 * @param channelPrefix the prefix of the subscribed pattern ({@code <prefix>*})
	 * @param interval how often a probe is sent
	 * @param resources the Lettuce client's resources, whose event bus reports (re)connections
	 * @return the probe
	 */
	public static SubscriptionProbe onLettuce(ReactiveStringRedisTemplate redis, String channelPrefix, Duration interval,
			ClientResources resources) {
		return new SubscriptionProbe(redis, channelPrefix, interval,
				resources.eventBus().get().filter(ConnectionActivatedEvent.class::isInstance));
	}

	/**
	 * @return a signal each time a gap closed: messages may have been missed before it, none
	 * after it; best effort to subscribers that have not requested (they are live streams)
	 */
	public Flux<Long> gaps() {
		return this.gaps.asFlux();
	}

	/** Starts probing; a reconnection probes at once. */
	void start() {
		Flux<Boolean> triggers = Flux.merge(Flux.interval(this.interval, this.interval).map((tick) -> false),
				this.reconnections.map((event) -> true));
		this.ticks.update(triggers.onBackpressureDrop().concatMap(this::probe, 1).subscribe());
	}

	void stop() {
		this.ticks.update(null);
	}

	/** The channel this instance's probes go to. */
	String channel() {
		return this.channel;
	}

	/** Whether a channel is a probe's (this instance's or another's): not a message for watchers. */
	static boolean isProbe(String id) {
		return id.startsWith(PROBE_ID_PREFIX);
	}

	/** A probe came back through the subscription. */
	void received(String channel, String payload) {
		if (!this.channel.equals(channel)) {
			return;
		}
		long number;
		try {
			number = Long.parseLong(payload);
		}
		catch (NumberFormatException ex) {
			return;
		}
		boolean closes;
		long count;
		synchronized (this) {
			if (number <= this.received) {
				return;
			}
			boolean lost = number > this.received + 1;
			closes = lost || number >= this.reconnectedAt;
			this.received = number;
			if (closes) {
				this.reconnectedAt = Long.MAX_VALUE;
			}
			count = closes ? ++this.closed : this.closed;
		}
		if (closes) {
			logger.info("Pub/sub subscription confirmed live after a possible gap; open streams re-read their state");
			// Serialized: emitted only from the subscription's one thread.
			this.gaps.tryEmitNext(count);
		}
	}

	private Mono<Void> probe(boolean reconnected) {
		long number;
		synchronized (this) {
			number = ++this.sent;
			if (reconnected) {
				this.reconnectedAt = Math.min(this.reconnectedAt, number);
			}
		}
		return this.redis.convertAndSend(this.channel, Long.toString(number))
			.then()
			// Redis away: this number never comes back, so the next probe that does reports the gap.
			.onErrorResume((ex) -> {
				logger.debug("Probe not published: {}", ex.toString());
				return Mono.empty();
			});
	}

}
