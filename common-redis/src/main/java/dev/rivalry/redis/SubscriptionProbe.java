package dev.rivalry.redis;

import java.time.Duration;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Tells when a pattern subscription may have missed messages, once it is confirmed live
 * again (ADR 0004, amended). Redis pub/sub is fire-and-forget: a message published while
 * the subscribing connection is down, reconnecting or re-subscribing is gone for good.
 * <p>
 * A gap opens when the client reports a (re)connection, or when a probe — a message this
 * instance publishes on a channel of its own under the pattern, every {@code interval} —
 * did not come back before the next one is sent (the subscription was down, or dropped it).
 * The gap closes when a probe comes back through the subscription: from then on nothing is
 * missed, so whoever re-reads the state after that signal has everything. Thread safe.
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

	private String outstanding;

	private boolean gapOpen;

	private long closed;

	private volatile Disposable ticks;

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
		this.ticks = triggers.onBackpressureDrop().concatMap(this::probe, 1).subscribe();
	}

	void stop() {
		Disposable current = this.ticks;
		if (current != null) {
			current.dispose();
		}
	}

	/** Whether a channel is a probe's (this instance's or another's): not a message for watchers. */
	static boolean isProbe(String id) {
		return id.startsWith(PROBE_ID_PREFIX);
	}

	/** A probe came back through the subscription. */
	void received(String channel, String token) {
		if (!this.channel.equals(channel)) {
			return;
		}
		boolean closes;
		long count;
		synchronized (this) {
			if (!token.equals(this.outstanding)) {
				return;
			}
			this.outstanding = null;
			closes = this.gapOpen;
			this.gapOpen = false;
			count = closes ? ++this.closed : this.closed;
		}
		if (closes) {
			logger.info("Pub/sub subscription confirmed live after a possible gap; open streams re-read their state");
			// Serialized: emitted only from the subscription's one thread.
			this.gaps.tryEmitNext(count);
		}
	}

	private Mono<Void> probe(boolean reconnected) {
		String token = UUID.randomUUID().toString();
		synchronized (this) {
			// A probe still out when the next one goes: the subscription lost it, or was down.
			this.gapOpen |= reconnected || this.outstanding != null;
			this.outstanding = token;
		}
		return this.redis.convertAndSend(this.channel, token)
			.then()
			// Redis away: the probe stays outstanding, the next tick opens a gap, a later one closes it.
			.onErrorResume((ex) -> {
				logger.debug("Probe not published: {}", ex.toString());
				return Mono.empty();
			});
	}

}
