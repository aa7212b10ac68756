package dev.rivalry.matchmaker.limits;

import dev.rivalry.limits.AdaptiveLimit;
import dev.rivalry.limits.ClientAddresses;
import dev.rivalry.limits.FailureLimits;
import dev.rivalry.limits.Leases;
import dev.rivalry.limits.LimitFilters;
import dev.rivalry.limits.LimitsConfiguration;
import dev.rivalry.limits.LoadShedding;
import dev.rivalry.limits.RequestLimits;
import dev.rivalry.matchmaker.system.MatchmakerProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
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

	/** Before any other limit: a shed create costs neither a token verification nor a bucket in Redis. */
	static final int FIRST = -300;

	/** Before Spring Security's WebFilterChainProxy (order -100). */
	static final int BEFORE_AUTHENTICATION = -200;

	/** After Spring Security's WebFilterChainProxy, which leaves the caller in the exchange. */
	static final int AFTER_AUTHENTICATION = -50;

	@Bean
	FailureLimits failedTokenLimits(LimitFilters filters, MatchmakerProperties properties) {
		return filters.failures(BEFORE_AUTHENTICATION, TicketLimits::isTicketCall, "failed-tokens-per-address",
				properties.rateLimits().failedTokensPerAddress());
	}

	@Bean
	RequestLimits ticketCallLimits(LimitFilters filters, MatchmakerProperties properties, ClientAddresses addresses) {
		return filters.requests(AFTER_AUTHENTICATION, new TicketLimits(properties.rateLimits(), addresses));
	}

	/** Load shedding of creates (docs/operations.md, "Load shedding"). */
	@Bean
	@ConditionalOnBooleanProperty(name = "rivalry.matchmaker.shedding.enabled", matchIfMissing = true)
	LoadShedding createShedding(LimitFilters filters, MatchmakerProperties properties) {
		MatchmakerProperties.Shedding shedding = properties.shedding();
		return filters.shedding(FIRST, TicketLimits::isCreate, "ticket-creates",
				new AdaptiveLimit.Settings(shedding.latencyTarget(), shedding.initialLimit(), shedding.minLimit(),
						shedding.maxLimit(), shedding.backoff()),
				shedding.retryAfter());
	}

	@Bean
	TicketStreamCap ticketStreamCap(Leases leases, MatchmakerProperties properties) {
		return new TicketStreamCap(leases, properties.rateLimits());
	}

}
