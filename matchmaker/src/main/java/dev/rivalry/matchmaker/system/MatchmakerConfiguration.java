package dev.rivalry.matchmaker.system;

import java.time.Clock;

import dev.rivalry.matchmaker.messaging.TicketStream;
import dev.rivalry.tickets.TicketCodec;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * What every feature of the matchmaker shares: its settings, the clock, the one pub/sub
 * connection, and the ticket stream.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchmakerProperties.class)
class MatchmakerConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** The instance's one Redis pub/sub connection. */
	@Bean(destroyMethod = "destroy")
	ReactiveRedisMessageListenerContainer ticketChannels(ReactiveRedisConnectionFactory connectionFactory) {
		return new ReactiveRedisMessageListenerContainer(connectionFactory);
	}

	@Bean
	TicketStream ticketStream(StreamBridge bridge, TicketCodec codec) {
		return new TicketStream(bridge, codec);
	}

}
