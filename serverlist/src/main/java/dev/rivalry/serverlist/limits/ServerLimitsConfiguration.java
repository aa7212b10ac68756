package dev.rivalry.serverlist.limits;

import dev.rivalry.limits.FailureLimits;
import dev.rivalry.limits.LimitFilters;
import dev.rivalry.limits.LimitsConfiguration;
import dev.rivalry.limits.RequestLimits;
import dev.rivalry.serverlist.system.ServerlistProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The game servers' limits per client address (docs/configuration.md, "Rate limits"):
 * failed fleet keys and failed server credentials, each checked before the key or the
 * credential is looked at, then registrations. Matched players' allocations are not limited
 * here: a match token is signed and bound to one match.
 */
@Configuration(proxyBeanMethods = false)
@Import(LimitsConfiguration.class)
class ServerLimitsConfiguration {

	private static final String SERVERS = "/v1/servers";

	/** Before every handler; failures first, so an address over its limit spends no registration. */
	static final int FAILURES = -200;

	static final int REQUESTS = -190;

	@Bean
	FailureLimits failedFleetKeyLimits(LimitFilters filters, ServerlistProperties properties) {
		return filters.failures(FAILURES, ServerLimitsConfiguration::isRegistration, "failed-fleet-keys-per-address",
				properties.rateLimits().failedFleetKeysPerAddress());
	}

	@Bean
	FailureLimits failedCredentialLimits(LimitFilters filters, ServerlistProperties properties) {
		return filters.failures(FAILURES, ServerLimitsConfiguration::isServerCall, "failed-credentials-per-address",
				properties.rateLimits().failedCredentialsPerAddress());
	}

	@Bean
	RequestLimits registrationLimits(LimitFilters filters, ServerlistProperties properties) {
		return filters.perAddress(REQUESTS, ServerLimitsConfiguration::isRegistration, "registrations-per-address",
				properties.rateLimits().registrationsPerAddress());
	}

	/** {@code POST /v1/servers}, with a fleet key. */
	static boolean isRegistration(ServerHttpRequest request) {
		return HttpMethod.POST.equals(request.getMethod()) && path(request).equals(SERVERS);
	}

	/**
	 * A call with a server credential: everything under {@code /v1/servers/{id}/} and
	 * {@code DELETE /v1/servers/{id}} (not the operator's open {@code GET /v1/servers/{id}}).
	 */
	static boolean isServerCall(ServerHttpRequest request) {
		String path = path(request);
		if (!path.startsWith(SERVERS + "/")) {
			return false;
		}
		return path.indexOf('/', SERVERS.length() + 1) > 0 || HttpMethod.DELETE.equals(request.getMethod());
	}

	private static String path(ServerHttpRequest request) {
		return request.getPath().pathWithinApplication().value();
	}

}
