package dev.rivalry.matchmaker.events;

import dev.rivalry.redis.ChannelRouter;
import dev.rivalry.tickets.TicketCodec;
import dev.rivalry.tickets.TicketKeys;
import dev.rivalry.tickets.TicketSnapshot;
import dev.rivalry.tickets.TicketStore;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	/** Every ticket change, over the instance's one pattern subscription (ADR 0004). */
	@Bean
	ChannelRouter<TicketSnapshot> ticketUpdates(ReactiveRedisMessageListenerContainer channels, TicketKeys keys,
			TicketCodec codec) {
		return new ChannelRouter<>(channels, keys.channelPrefix(), codec::decodeSnapshot);
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
