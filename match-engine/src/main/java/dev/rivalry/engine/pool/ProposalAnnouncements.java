package dev.rivalry.engine.pool;

import java.time.Duration;

import dev.rivalry.tickets.TicketKeys;
import dev.rivalry.tickets.proposal.ProposalResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveSubscription;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * Hears proposals end (announced by the script that ended them, on one channel) so their
 * pools settle at once: a declined duel's other player searches again within milliseconds,
 * not at the deadline. Only a shortcut: an announcement missed while the subscription
 * reconnects is made up for by the deadline each instance applies itself.
 */
class ProposalAnnouncements implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ProposalAnnouncements.class);

	private final ReactiveRedisMessageListenerContainer container;

	private final TicketKeys keys;

	private final PoolMatcher matcher;

	private final Disposable.Swap subscription = Disposables.swap();

	ProposalAnnouncements(ReactiveRedisMessageListenerContainer container, TicketKeys keys, PoolMatcher matcher) {
		this.container = container;
		this.keys = keys;
		this.matcher = matcher;
	}

	@Override
	public void start() {
		this.subscription.update(this.container.receive(ChannelTopic.of(this.keys.proposalChannel()))
			.map(ReactiveSubscription.Message::getMessage)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5)))
			.subscribe(this::announced, (ex) -> logger.warn("Proposal announcements stopped: {}", ex.toString())));
	}

	private void announced(String message) {
		try {
			this.matcher.proposalEnded(ProposalResult.parseAnnouncement(message));
		}
		catch (RuntimeException ex) {
			logger.warn("Ignoring a proposal announcement that cannot be read: {}", ex.toString());
		}
	}

	@Override
	public void stop() {
		this.subscription.update(null);
	}

	@Override
	public boolean isRunning() {
		Disposable current = this.subscription.get();
		return current != null && !current.isDisposed();
	}

}
