package dev.rivalry.tokens.autoconfigure;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.rivalry.tokens.JwksDocument;
import dev.rivalry.tokens.PartyNames;
import dev.rivalry.tokens.Rejected;
import dev.rivalry.tokens.RemoteJwks;
import dev.rivalry.tokens.SigningKeys;
import dev.rivalry.tokens.TokenIssuer;
import dev.rivalry.tokens.TokenKind;
import dev.rivalry.tokens.TokenLifetimes;
import dev.rivalry.tokens.TokenVerifier;
import dev.rivalry.tokens.VerificationListener;

/**
 * The token beans: {@link SigningKeys}, {@link TokenIssuer}, {@link JwksDocument} and
 * {@link TokenVerifier}, each backing off when the application defines its own. A
 * {@link Clock} bean, if there is one, is the clock of issuing and verifying.
 */
@AutoConfiguration
@EnableConfigurationProperties(TokenProperties.class)
public class TokenAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(TokenAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	SigningKeys signingKeys(TokenProperties properties) {
		SigningKeys keys = loadKeys(properties.keys());
		if (!properties.allowedAlgorithms().contains(keys.activeAlgorithm())) {
			throw new IllegalStateException("rivalry.tokens.allowed-algorithms " + properties.allowedAlgorithms()
					+ " does not include " + keys.activeAlgorithm() + ", the algorithm of the active signing key "
					+ keys.activeKeyId());
		}
		logger.info("Signing tokens with key {} ({}); publishing keys {}", keys.activeKeyId(), keys.activeAlgorithm(),
				keys.keyIds());
		return keys;
	}

	@Bean
	@ConditionalOnMissingBean
	TokenIssuer tokenIssuer(SigningKeys keys, TokenProperties properties, ObjectProvider<Clock> clock) {
		return new TokenIssuer(keys, names(properties), lifetimes(properties), clock.getIfUnique(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean
	JwksDocument jwksDocument(SigningKeys keys) {
		return new JwksDocument(keys);
	}

	@Bean
	@ConditionalOnMissingBean
	TokenVerifier tokenVerifier(SigningKeys keys, TokenProperties properties, ObjectProvider<Clock> clock,
			ObjectProvider<VerificationListener> listeners) {
		Clock verifierClock = clock.getIfUnique(Clock::systemUTC);
		TokenVerifier.Builder builder = TokenVerifier.builder()
			.names(names(properties))
			.localKeys(keys)
			.allowedAlgorithms(properties.allowedAlgorithms())
			.clockSkew(properties.clockSkew())
			.clock(verifierClock)
			.listener(composite(listeners.orderedStream().toList()));
		TokenProperties.Remote remote = properties.remote();
		if (!remote.sources().isEmpty()) {
			// One client for all issuers: each JDK HttpClient owns a selector thread.
			HttpClient client = HttpClient.newBuilder().connectTimeout(remote.timeout()).build();
			remote.sources().forEach((issuer, uri) -> builder.remoteKeys(issuer, RemoteJwks.builder(uri)
				.refetchInterval(remote.refetchInterval())
				.maxAge(remote.maxAge())
				.expireAfter(remote.expireAfter())
				.timeout(remote.timeout())
				.httpClient(client)
				.clock(verifierClock)
				.build()));
		}
		return builder.build();
	}

	private static SigningKeys loadKeys(TokenProperties.Keys keys) {
		if (keys.jwkSet() != null) {
			return SigningKeys.fromJwkSet(keys.jwkSet(), keys.activeKeyId());
		}
		if (!keys.pem().isEmpty()) {
			return SigningKeys.fromPem(keys.pem());
		}
		SigningKeys generated = SigningKeys.generate();
		logger.warn("No signing keys configured (rivalry.tokens.keys.jwk-set or rivalry.tokens.keys.pem): generated"
				+ " the ephemeral dev key {}. Its tokens stop verifying at a restart and on other instances;"
				+ " never run like this in production.", generated.activeKeyId());
		return generated;
	}

	private static PartyNames names(TokenProperties properties) {
		return new PartyNames(properties.names().matchmaker(), properties.names().serverlist());
	}

	private static TokenLifetimes lifetimes(TokenProperties properties) {
		TokenProperties.Lifetimes lifetimes = properties.lifetimes();
		return new TokenLifetimes(lifetimes.match(), lifetimes.allocation(), lifetimes.report(), lifetimes.server());
	}

	private static VerificationListener composite(List<VerificationListener> listeners) {
		if (listeners.isEmpty()) {
			return VerificationListener.none();
		}
		if (listeners.size() == 1) {
			return listeners.get(0);
		}
		return new VerificationListener() {

			@Override
			public void verified(TokenKind<?> kind) {
				listeners.forEach((listener) -> listener.verified(kind));
			}

			@Override
			public void rejected(TokenKind<?> kind, Rejected.Reason reason) {
				listeners.forEach((listener) -> listener.rejected(kind, reason));
			}

		};
	}

}
