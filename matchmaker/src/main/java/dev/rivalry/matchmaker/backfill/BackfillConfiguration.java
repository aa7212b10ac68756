package dev.rivalry.matchmaker.backfill;

import java.time.Clock;

import dev.rivalry.matchmaker.messaging.TicketStream;
import dev.rivalry.matchmaker.result.ReportTokens;
import dev.rivalry.matchmaker.result.ResultStore;
import dev.rivalry.matchmaker.system.MatchmakerProperties;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.redis.ChannelRouter;
import dev.rivalry.redis.SubscriptionProbe;
import dev.rivalry.tickets.TicketCodec;
import dev.rivalry.tickets.TicketKeys;
import dev.rivalry.tickets.TicketStore;
import dev.rivalry.tickets.backfill.BackfillSnapshot;
import dev.rivalry.tickets.backfill.BackfillStore;
import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

@Configuration(proxyBeanMethods = false)
class BackfillConfiguration {

	@Bean
	BackfillService backfillService(ReportTokens tokens, TicketStore tickets, BackfillStore backfills,
			ResultStore results, MatchProfiles profiles, TicketStream stream, MeterRegistry registry, Clock clock,
			MatchmakerProperties properties) {
		return new BackfillService(tokens, tickets, backfills, results, profiles, stream, new BackfillMetrics(registry),
				clock, properties.backfill());
	}

	/**
	 * Every backfill change, over one pattern subscription of its own (ADR 0004), with a probe
	 * that finds gaps in it, as the tickets' has.
	 */
	@Bean
	ChannelRouter<BackfillSnapshot> backfillUpdates(ReactiveRedisMessageListenerContainer channels, TicketKeys keys,
			TicketCodec codec, ReactiveStringRedisTemplate redis, ClientResources resources,
			MatchmakerProperties properties) {
		SubscriptionProbe probe = SubscriptionProbe.onLettuce(redis, keys.backfillChannelPrefix(), properties.subscriptionProbe(),
				resources);
		return new ChannelRouter<>(channels, keys.backfillChannelPrefix(), codec::decodeBackfill, probe);
	}

	@Bean
	BackfillEvents backfillEvents(ChannelRouter<BackfillSnapshot> backfillUpdates, BackfillStore backfills,
			BackfillService service, Clock clock) {
		return new BackfillEvents(backfillUpdates, backfills, service, clock);
	}

}
