package dev.rivalry.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * One {@link EventStreams} per reactive service, shared by all its event-stream endpoints.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class EventStreamsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EventStreams eventStreams() {
		return new EventStreams();
	}

}
