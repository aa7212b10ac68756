package dev.rivalry.matchmaker.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWKSecurityContext;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;

import dev.rivalry.matchmaker.system.MatchmakerProperties;
import dev.rivalry.tokens.RemoteJwks;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;

/**
 * One authentication manager per trusted identity provider, chosen by the token's
 * {@code iss}: a token from an issuer not configured is refused before any key is fetched.
 * Each provider's keys come from its JWKS ({@link ProviderKeys}: cached, refetched on an
 * unknown {@code kid}, expired); only its configured asymmetric algorithms are accepted, so {@code none} and
 * HMAC tokens never verify. ECDSA signatures are checked on Bouncy Castle ({@link EcdsaVerifiers}).
 */
final class TrustedIssuers {

	/**
	 * The {@code typ} headers identity providers put on access tokens (none, {@code JWT},
	 * RFC 9068's {@code at+jwt}). Anything else, Rivalry's own token kinds included, is not a
	 * player's token.
	 */
	private static final DefaultJOSEObjectTypeVerifier<JWKSecurityContext> ACCESS_TOKEN_TYPES = new DefaultJOSEObjectTypeVerifier<>(
			JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"), null);

	/** Shared by every provider: verifiers are kept per key, whoever serves it. */
	private static final EcdsaVerifiers VERIFIERS = new EcdsaVerifiers();

	private TrustedIssuers() {
	}

	static JwtIssuerReactiveAuthenticationManagerResolver resolver(MatchmakerProperties.Identity identity,
			IdentityMetrics metrics) {
		JwtCallers callers = new JwtCallers(identity, metrics);
		Map<String, ReactiveAuthenticationManager> managers = new LinkedHashMap<>();
		for (MatchmakerProperties.Provider provider : identity.providers()) {
			JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(
					decoder(provider, identity));
			manager.setJwtAuthenticationConverter(callers);
			managers.put(provider.issuer(), unavailableAsServiceFailure(manager));
		}
		return new JwtIssuerReactiveAuthenticationManagerResolver(
				(issuer) -> reactor.core.publisher.Mono.justOrEmpty(managers.get(issuer)));
	}

	/**
	 * Keys that cannot be fetched surface from Spring's remote JWK source as a plain
	 * {@code IllegalStateException}, which would be a 500. It is an outage of the provider,
	 * not a bad token: signalled as an {@link AuthenticationServiceException}, answered 503.
	 */
	private static ReactiveAuthenticationManager unavailableAsServiceFailure(ReactiveAuthenticationManager manager) {
		return (authentication) -> manager.authenticate(authentication)
			.onErrorMap((ex) -> !(ex instanceof AuthenticationException),
					(ex) -> new AuthenticationServiceException("The identity provider's keys could not be used", ex));
	}

	private static NimbusReactiveJwtDecoder decoder(MatchmakerProperties.Provider provider,
			MatchmakerProperties.Identity identity) {
		MatchmakerProperties.Keys keys = identity.keys();
		RemoteJwks jwks = RemoteJwks.builder(provider.jwkSetUri())
			.refetchInterval(keys.refetchInterval())
			.maxAge(keys.maxAge())
			.expireAfter(keys.expireAfter())
			.timeout(keys.timeout())
			.build();
		Set<JWSAlgorithm> algorithms = provider.algorithms().stream().map(JWSAlgorithm::parse).collect(Collectors.toSet());
		NimbusReactiveJwtDecoder.JwkSourceReactiveJwtDecoderBuilder builder = NimbusReactiveJwtDecoder
			.withJwkSource(new ProviderKeys(jwks))
			.jwtProcessorCustomizer((processor) -> {
				// The builder takes one algorithm; a provider may sign with several.
				processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, new JWKSecurityContextJWKSet()));
				processor.setJWSTypeVerifier(ACCESS_TOKEN_TYPES);
				processor.setJWSVerifierFactory(VERIFIERS);
			});
		NimbusReactiveJwtDecoder decoder = builder.build();
		decoder.setJwtValidator(validator(provider, identity.clockSkew()));
		return decoder;
	}

	private static OAuth2TokenValidator<Jwt> validator(MatchmakerProperties.Provider provider, Duration clockSkew) {
		List<String> audiences = provider.audiences();
		return new DelegatingOAuth2TokenValidator<>(List.of(new JwtTimestampValidator(clockSkew),
				// A token without an expiry would be valid forever: refused.
				new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
				new JwtIssuerValidator(provider.issuer()),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						(aud) -> aud != null && aud.stream().anyMatch(audiences::contains))));
	}

}
