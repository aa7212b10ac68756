package dev.rivalry.kafka.autoconfigure;

import dev.rivalry.kafka.SendAcknowledgements;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one {@link SendAcknowledgements} of a service: the Kafka binder picks it up as its
 * producer handler customizer, and the service's {@code RecordPublisher} sends through it.
 */
@AutoConfiguration
public class SendAcknowledgementsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SendAcknowledgements sendAcknowledgements() {
		return new SendAcknowledgements();
	}

}
