package dev.rivalry.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problems for every Rivalry service: stable type slugs, invalid fields listed
 * by path, unreadable JSON located by line and column. Runs before WebFlux's own
 * auto-configuration so that Spring Boot's generic problem handler backs off: one advice
 * decides, not whichever happens to be ordered first.
 */
@AutoConfiguration(before = WebFluxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(RetryAfterProperties.class)
public class ProblemHandlingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
	ProblemHandling problemHandling(RetryAfterProperties retryAfter) {
		return new ProblemHandling(retryAfter);
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemResponses problemResponses(ServerCodecConfigurer codecs, RetryAfterProperties retryAfter) {
		return new ProblemResponses(codecs, retryAfter);
	}

	@Bean
	@ConditionalOnMissingBean
	UnreadableAcceptFilter unreadableAcceptFilter(ProblemResponses problems) {
		return new UnreadableAcceptFilter(problems);
	}

	@Bean
	@ConditionalOnMissingBean
	SuspiciousPathFilter suspiciousPathFilter(ProblemResponses problems) {
		return new SuspiciousPathFilter(problems);
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemExceptionHandler problemExceptionHandler(ProblemResponses problems) {
		return new ProblemExceptionHandler(problems);
	}

}
