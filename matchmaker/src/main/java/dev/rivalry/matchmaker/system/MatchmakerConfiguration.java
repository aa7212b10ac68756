package dev.rivalry.matchmaker.system;

import java.time.Clock;

import dev.rivalry.matchmaker.messaging.RecordPublisher;
import dev.rivalry.matchmaker.messaging.TicketStream;
import dev.rivalry.tickets.TicketCodec;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

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

	/** Threads that wait for Kafka's acknowledgements (see {@link MatchmakerProperties.Stream}). */
	@Bean(destroyMethod = "dispose")
	Scheduler recordSendScheduler(MatchmakerProperties properties) {
		return Schedulers.newBoundedElastic(properties.stream().sendThreads(), Integer.MAX_VALUE, "kafka-send");
	}

	@Bean
	RecordPublisher recordPublisher(StreamBridge bridge, Scheduler recordSendScheduler) {
		return new RecordPublisher(bridge, recordSendScheduler);
	}

	@Bean
	TicketStream ticketStream(RecordPublisher publisher, TicketCodec codec) {
		return new TicketStream(publisher, codec);
	}

}
