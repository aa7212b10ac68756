package dev.rivalry.matchmaker.identity;

import dev.rivalry.matchmaker.system.MatchmakerProperties;
import dev.rivalry.web.ProblemResponses;
import dev.rivalry.web.development.DevelopmentMode;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.http.HttpHeaders;

/**
 * Who may call what (docs/security.md). The ticket endpoints are an OAuth 2 resource server:
 * every request carries a bearer token from a trusted identity provider, proving a player or
 * a game back end ({@link Caller}); what that caller may do with a ticket is decided by the
 * ticket service. Every other endpoint authenticates its own way or not at all: results by
 * their report token, which is the serverlist's and no identity provider's, so it must never
 * reach the resource server's filter; profiles, ratings and keys are public.
 * <p>
 * Stateless: no session, no saved request, no CSRF token (no cookies are ever read, so there
 * is nothing to forge a request with).
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(IdentityConfiguration.class);

	/** The one name of the setting a missing provider is reported under. */
	static final String PROVIDERS_PROPERTY = "rivalry.matchmaker.identity.providers";

	@Bean
	@Order(1)
	SecurityWebFilterChain ticketSecurity(ServerHttpSecurity http, MatchmakerProperties properties,
			DevelopmentMode development, ProblemResponses problems, MeterRegistry registry) {
		MatchmakerProperties.Identity identity = properties.identity();
		stateless(http).securityMatcher(ServerWebExchangeMatchers.pathMatchers("/v1/tickets", "/v1/tickets/**"));
		if (identity.providers().isEmpty()) {
			return unauthenticated(http, development);
		}
		IdentityMetrics metrics = new IdentityMetrics(registry);
		ServerAuthenticationEntryPoint entryPoint = (exchange, ex) -> {
			boolean tokenPresented = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
			metrics.rejected(ex, tokenPresented);
			return problems.write(exchange, (ex instanceof AuthenticationServiceException)
					? new IdentityProblems.IdentityProviderUnavailable() : new IdentityProblems.Unauthenticated(tokenPresented));
		};
		ServerAuthenticationEntryPointFailureHandler failures = new ServerAuthenticationEntryPointFailureHandler(
				entryPoint);
		// A provider whose keys cannot be fetched is an outage (503), not the caller's fault.
		failures.setRethrowAuthenticationServiceException(false);
		ServerAccessDeniedHandler denied = (exchange, ex) -> problems.write(exchange, new IdentityProblems.Forbidden());
		JwtIssuerReactiveAuthenticationManagerResolver issuers = TrustedIssuers.resolver(identity, metrics);
		return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationManagerResolver(issuers)
				.authenticationEntryPoint(entryPoint)
				.authenticationFailureHandler(failures)
				.accessDeniedHandler(denied))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
			.build();
	}

	@Bean
	SecuritySchemes securitySchemes() {
		return new SecuritySchemes();
	}

	/** Everything else: each endpoint checks its own credential (or has none). */
	@Bean
	@Order(2)
	SecurityWebFilterChain openSecurity(ServerHttpSecurity http) {
		return stateless(http).authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll()).build();
	}

	/**
	 * No provider: only with the explicit development switch, and then every caller is a
	 * trusted back end, which may act for any player. Anything else refuses to start, so a
	 * forgotten setting never means "authentication off".
	 */
	private static SecurityWebFilterChain unauthenticated(ServerHttpSecurity http, DevelopmentMode development) {
		if (!development.enabled()) {
			throw new IllegalStateException("No identity provider is configured for the ticket endpoints: set "
					+ PROVIDERS_PROPERTY + "[0].issuer, " + PROVIDERS_PROPERTY + "[0].jwk-set-uri and " + PROVIDERS_PROPERTY
					+ "[0].audiences (docs/security.md), or, for development only, " + DevelopmentMode.PROPERTY + "=true");
		}
		logger.warn("AUTHENTICATION IS OFF for the ticket endpoints: no identity provider is configured and {}=true, "
				+ "so every caller may act for any player. Never run it like this in production.",
				DevelopmentMode.PROPERTY);
		return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.anonymous((anonymous) -> anonymous.principal(new Caller.Backend("development")))
			.build();
	}

	private static ServerHttpSecurity stateless(ServerHttpSecurity http) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
	}

}
