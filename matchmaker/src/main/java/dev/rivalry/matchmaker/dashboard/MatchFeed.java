package dev.rivalry.matchmaker.dashboard;

import java.time.Clock;
import java.time.Duration;

import dev.rivalry.redis.ChannelRouter;
import dev.rivalry.tickets.Match;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tickets.TicketState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Feeds the match figures and the recent matches from every ticket change this instance
 * receives on its one pattern subscription (every instance receives them all, so each
 * instance's dashboard shows the whole system). Only {@code MATCHED} changes count; those of
 * tickets that joined a running match through a backfill count as fills; proposals are
 * followed from {@code PROPOSED} to their end ({@link AcceptanceStatistics}). Listens
 * for the bean's lifetime, like the router it listens to.
 */
final class MatchFeed implements InitializingBean, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(MatchFeed.class);

	private final ChannelRouter<TicketSnapshot> updates;

	private final MatchStatistics statistics;

	private final FillStatistics fills;

	private final RecentMatches recent;

	private final Clock clock;

	private final Disposable.Swap subscription = Disposables.swap();

	private final AcceptanceStatistics acceptance;

	MatchFeed(ChannelRouter<TicketSnapshot> updates, MatchStatistics statistics, FillStatistics fills,
			AcceptanceStatistics acceptance, RecentMatches recent, Clock clock) {
		this.acceptance = acceptance;
		this.updates = updates;
		this.statistics = statistics;
		this.fills = fills;
		this.recent = recent;
		this.clock = clock;
	}

	void record(TicketSnapshot change) {
		this.acceptance.record(change);
		Match match = change.match();
		if (change.state() != TicketState.MATCHED || match == null || match.participants().isEmpty()) {
			return;
		}
		if (match.backfill()) {
			// a ticket that joined a running match: a fill, not a new match
			this.fills.joined().record(1, Duration.between(change.ticket().createdAt(), change.updatedAt()));
			return;
		}
		double share = (double) change.ticket().players().size() / match.participants().size();
		this.statistics.record(share, Duration.between(change.ticket().createdAt(), match.createdAt()));
		this.recent.add(match, change.ticket().pool(), this.clock.instant());
	}

	@Override
	public void afterPropertiesSet() {
		this.subscription.update(this.updates.all().subscribe(this::recordSafely,
				(ex) -> logger.warn("The dashboard stopped receiving ticket changes", ex)));
	}

	/** A change the dashboard cannot read is skipped: it must never end the subscription. */
	private void recordSafely(TicketSnapshot change) {
		try {
			record(change);
		}
		catch (RuntimeException ex) {
			logger.debug("Ticket change skipped by the dashboard: {}", ex.toString());
		}
	}

	@Override
	public void destroy() {
		this.subscription.update(null);
	}

}
