package dev.rivalry.matchmaker.dashboard;

import java.time.Clock;
import java.time.Duration;

import dev.rivalry.matchmaker.system.MatchmakerProperties;
import dev.rivalry.ratings.RatingStore;
import dev.rivalry.redis.ChannelRouter;
import dev.rivalry.tickets.TicketSnapshot;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The live dashboard's feed and the sources it reads; its page and endpoints are the
 * management server's ({@link DashboardManagementConfiguration}). Switched off with
 * {@code rivalry.matchmaker.dashboard.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "rivalry.matchmaker.dashboard.enabled", matchIfMissing = true)
class DashboardConfiguration {

	@Bean
	MatchStatistics matchStatistics(Clock clock) {
		return new MatchStatistics(clock);
	}

	@Bean
	FillStatistics fillStatistics(Clock clock) {
		return new FillStatistics(new MatchStatistics(clock));
	}

	@Bean
	AcceptanceStatistics acceptanceStatistics(Clock clock) {
		return new AcceptanceStatistics(new MatchStatistics(clock));
	}

	@Bean
	RecentMatches recentMatches(MatchmakerProperties properties) {
		return new RecentMatches(properties.dashboard().recentMatches());
	}

	@Bean
	MatchFeed matchFeed(ChannelRouter<TicketSnapshot> ticketUpdates, MatchStatistics statistics, FillStatistics fills,
			AcceptanceStatistics acceptance, RecentMatches recent, Clock clock) {
		return new MatchFeed(ticketUpdates, statistics, fills, acceptance, recent, clock);
	}

	@Bean
	DashboardFeed dashboardFeed(MatchmakerProperties properties, MatchStatistics statistics, FillStatistics fills,
			AcceptanceStatistics acceptance, RecentMatches recent, ObjectProvider<RatingStore> ratings, Clock clock) {
		MatchmakerProperties.Dashboard dashboard = properties.dashboard();
		WebClient client = client(dashboard.timeout());
		return new DashboardFeed(statistics, fills, acceptance, recent, new MatchRatings(ratings.getIfAvailable(), clock),
				new PoolsSource(client, dashboard.engines(), dashboard.timeout()),
				new ServersSource(client, dashboard.serverlist(), dashboard.timeout()), clock, dashboard.interval());
	}

	/** Its own client: the sources must fail fast, whatever other clients are tuned for. */
	private static WebClient client(Duration timeout) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, timeout.toMillis()))
			.responseTimeout(timeout);
		return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
	}

}
