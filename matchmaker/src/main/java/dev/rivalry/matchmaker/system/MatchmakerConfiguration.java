package dev.rivalry.matchmaker.system;

import java.time.Clock;

import dev.rivalry.matchmaker.messaging.RecordPublisher;
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
 * connection, and the Kafka publisher with the ticket stream on it.
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
	RecordPublisher recordPublisher(StreamBridge bridge) {
		return new RecordPublisher(bridge);
	}

	@Bean
	TicketStream ticketStream(RecordPublisher publisher, TicketCodec codec) {
		return new TicketStream(publisher, codec);
	}

}
