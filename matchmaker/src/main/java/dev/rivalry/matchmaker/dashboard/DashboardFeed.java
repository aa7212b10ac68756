package dev.rivalry.matchmaker.dashboard;

import java.time.Clock;
import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The dashboard's snapshots, one per interval, shared by every viewer: the engines and the
 * serverlist are asked once per interval however many pages are open, and not at all when
 * none is. A new viewer gets the latest snapshot at once.
 */
final class DashboardFeed {

	private final MatchStatistics statistics;

	private final RecentMatches recent;

	private final FillStatistics fills;

	private final MatchRatings ratings;

	private final PoolsSource pools;

	private final ServersSource servers;

	private final Clock clock;

	private final Flux<DashboardSnapshot> shared;

	private final AcceptanceStatistics acceptance;

	DashboardFeed(MatchStatistics statistics, FillStatistics fills, AcceptanceStatistics acceptance,
			RecentMatches recent, MatchRatings ratings,
			PoolsSource pools, ServersSource servers, Clock clock, Duration interval) {
		this.statistics = statistics;
		this.fills = fills;
		this.acceptance = acceptance;
		this.recent = recent;
		this.ratings = ratings;
		this.pools = pools;
		this.servers = servers;
		this.clock = clock;
		this.shared = Flux.interval(Duration.ZERO, interval)
			// A snapshot still being assembled when the next is due: skip that one.
			.onBackpressureDrop()
			.concatMap((tick) -> assemble(), 0)
			.replay(1)
			.refCount();
	}

	/** @return the snapshots from the latest one on; a slow viewer skips to the newest */
	Flux<DashboardSnapshot> snapshots() {
		return this.shared.onBackpressureLatest();
	}

	/** Never fails: every source answers something, if only that it is unavailable. */
	private Mono<DashboardSnapshot> assemble() {
		return Mono.zip(this.pools.read(), this.servers.read(), this.ratings.refresh(this.recent).thenReturn(true))
			.map((parts) -> new DashboardSnapshot(this.clock.instant(), this.statistics.figures(),
					this.fills.joined().figures(), this.acceptance.figures(), parts.getT1(),
					parts.getT2(), this.recent.views()));
	}

}
