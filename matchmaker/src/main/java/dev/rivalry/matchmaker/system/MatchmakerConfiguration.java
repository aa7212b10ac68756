package dev.rivalry.matchmaker.system;

import java.time.Clock;

import dev.rivalry.kafka.RecordPublisher;
import dev.rivalry.kafka.SendAcknowledgements;
import dev.rivalry.matchmaker.messaging.TicketStream;
import dev.rivalry.tickets.TicketCodec;
import dev.rivalry.web.ProblemException;
import dev.rivalry.web.ProblemResponses;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * What every feature of the matchmaker shares: its settings, the clock, the one pub/sub
 * connection, the Kafka publisher with the ticket stream on it, and how request bodies are
 * read.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchmakerProperties.class)
class MatchmakerConfiguration {

	/**
	 * The parser's bounds on a request body (docs/api.md, "Limits"), far above what a valid
	 * body needs (three levels, strings of 256 characters), so that a hostile one is refused
	 * as malformed (400) while it is read. The body's size is bounded before parsing, by
	 * {@code spring.codec.max-in-memory-size} (matchmaker.yml).
	 */
	static final StreamReadConstraints REQUEST_BODY_LIMITS = StreamReadConstraints.builder()
		.maxNestingDepth(16)
		.maxStringLength(16 * 1024)
		.maxNameLength(1024)
		.maxNumberLength(100)
		.maxDocumentLength(64 * 1024)
		.build();

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** The instance's one Redis pub/sub connection. */
	@Bean(destroyMethod = "destroy")
	ReactiveRedisMessageListenerContainer ticketChannels(ReactiveRedisConnectionFactory connectionFactory) {
		return new ReactiveRedisMessageListenerContainer(connectionFactory);
	}

	/**
	 * Reads JSON request bodies with the application's mapper settings (the same customizers
	 * as Boot's mapper) within {@link #REQUEST_BODY_LIMITS}. Only HTTP codecs (request bodies,
	 * and clients built from Boot's {@code WebClient.Builder}, which the matchmaker does not
	 * use): the mapper that reads Redis and Kafka keeps Jackson's defaults. Ordered after
	 * Boot's own Jackson codec customizer, whose decoder it replaces.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	CodecCustomizer boundedJsonRequestBodies(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
		JsonMapper.Builder builder = JsonMapper
			.builder(JsonFactory.builder().streamReadConstraints(REQUEST_BODY_LIMITS).build());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		JsonMapper mapper = builder.build();
		return (configurer) -> configurer.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(mapper));
	}

	/**
	 * Spring Security's firewall refuses some request lines outright (an encoded {@code ;},
	 * {@code /} or {@code %}, a {@code ..} segment, a control character): with a problem, like
	 * every other 4xx, rather than an empty 400. The message is generic: it quotes nothing.
	 */
	@Bean
	ServerExchangeRejectedHandler problemForRejectedRequests(ProblemResponses problems) {
		return (exchange, ex) -> problems.write(exchange, new ProblemException(HttpStatus.BAD_REQUEST,
				"malformed-request", "The request's path or headers are not allowed."));
	}

	/** Its threads hand records to the Kafka producer (see {@link MatchmakerProperties.Stream}). */
	@Bean(destroyMethod = "close")
	RecordPublisher recordPublisher(StreamBridge bridge, SendAcknowledgements acknowledgements,
			MatchmakerProperties properties) {
		return new RecordPublisher(bridge, acknowledgements, properties.stream().sendThreads(), "kafka-send",
				properties.stream().acknowledgementTimeout());
	}

	@Bean
	TicketStream ticketStream(RecordPublisher publisher, TicketCodec codec) {
		return new TicketStream(publisher, codec);
	}

}
