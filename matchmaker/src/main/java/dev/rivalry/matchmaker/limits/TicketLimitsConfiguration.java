package dev.rivalry.matchmaker.limits;

import dev.rivalry.limits.ClientAddresses;
import dev.rivalry.limits.FailureLimits;
import dev.rivalry.limits.Leases;
import dev.rivalry.limits.Limit;
import dev.rivalry.limits.LimitsConfiguration;
import dev.rivalry.limits.RateLimiter;
import dev.rivalry.limits.RequestLimits;
import dev.rivalry.matchmaker.system.MatchmakerProperties;
import dev.rivalry.web.ProblemResponses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The ticket endpoints' limits (docs/configuration.md, "Rate limits"). Spring Security's
 * filter chain, which verifies the tokens, runs at order -100: failed tokens are checked
 * before it, so an address over its limit is refused before its token is looked at; the
 * per-player and per-back-end limits after it, when the caller is known.
 */
@Configuration(proxyBeanMethods = false)
@Import(LimitsConfiguration.class)
class TicketLimitsConfiguration {

	/** Before Spring Security's WebFilterChainProxy (order -100). */
	static final int BEFORE_AUTHENTICATION = -200;

	/** After Spring Security's WebFilterChainProxy, which leaves the caller in the exchange. */
	static final int AFTER_AUTHENTICATION = -50;

	@Bean
	FailureLimits failedTokenLimits(MatchmakerProperties properties, RateLimiter limiter, ClientAddresses addresses,
			ProblemResponses problems) {
		Limit limit = new Limit("failed-tokens-per-address", properties.rateLimits().failedTokensPerAddress());
		return new FailureLimits(BEFORE_AUTHENTICATION, TicketLimits::isTicketCall, limit, limiter, addresses, problems);
	}

	@Bean
	RequestLimits ticketCallLimits(MatchmakerProperties properties, RateLimiter limiter, ClientAddresses addresses,
			ProblemResponses problems) {
		return new RequestLimits(AFTER_AUTHENTICATION, new TicketLimits(properties.rateLimits(), addresses), limiter,
				problems);
	}

	@Bean
	TicketStreamCap ticketStreamCap(Leases leases, MatchmakerProperties properties) {
		return new TicketStreamCap(leases, properties.rateLimits());
	}

}
