package dev.rivalry.matchmaker.events;

import dev.rivalry.matchmaker.system.MatchmakerProperties;
import dev.rivalry.redis.ChannelRouter;
import dev.rivalry.redis.SubscriptionProbe;
import dev.rivalry.tickets.TicketCodec;
import dev.rivalry.tickets.TicketKeys;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tickets.TicketStore;
import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	/**
	 * Every ticket change, over the instance's one pattern subscription (ADR 0004), with a
	 * probe that finds gaps in it: any (re)connection of the Redis client, or a probe lost.
	 */
	@Bean
	ChannelRouter<TicketSnapshot> ticketUpdates(ReactiveRedisMessageListenerContainer channels, TicketKeys keys,
			TicketCodec codec, ReactiveStringRedisTemplate redis, ClientResources resources,
			MatchmakerProperties properties) {
		SubscriptionProbe probe = SubscriptionProbe.onLettuce(redis, keys.channelPrefix(), properties.subscriptionProbe(),
				resources);
		return new ChannelRouter<>(channels, keys.channelPrefix(), codec::decodeSnapshot, probe);
	}

	@Bean
	TicketEvents ticketEvents(ChannelRouter<TicketSnapshot> ticketUpdates, TicketStore tickets) {
		return new TicketEvents(ticketUpdates, tickets);
	}

	@Bean
	StreamGauge streamGauge(MeterRegistry registry) {
		return new StreamGauge(registry);
	}

}
