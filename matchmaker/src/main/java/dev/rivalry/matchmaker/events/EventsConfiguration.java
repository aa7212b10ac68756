package dev.rivalry.matchmaker.events;

import dev.rivalry.tickets.TicketCodec;
import dev.rivalry.tickets.TicketKeys;
import dev.rivalry.tickets.TicketStore;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	@Bean
	TicketUpdates ticketUpdates(ReactiveRedisMessageListenerContainer channels, TicketKeys keys, TicketCodec codec) {
		return new TicketUpdates(channels, keys, codec);
	}

	@Bean
	TicketEvents ticketEvents(TicketUpdates updates, TicketStore tickets) {
		return new TicketEvents(updates, tickets);
	}

	@Bean
	StreamGauge streamGauge(MeterRegistry registry) {
		return new StreamGauge(registry);
	}

}
