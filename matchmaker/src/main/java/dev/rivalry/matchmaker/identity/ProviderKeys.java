package dev.rivalry.matchmaker.identity;

import java.text.ParseException;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import dev.rivalry.tokens.RemoteJwks;
import reactor.core.publisher.Flux;

/**
 * An identity provider's public keys for Spring Security's decoder, fetched and cached by
 * {@link RemoteJwks}, the same rules Rivalry's own tokens follow: refetched on an unknown
 * {@code kid} (rate limited) and after their maximum age, and no longer trusted at all
 * after their expiry while the provider cannot be reached (a key it retired must not stay
 * usable because it is down). Spring's own remote source keeps keys forever. A token
 * without a {@code kid} finds no key. Thread safe.
 */
final class ProviderKeys implements Function<SignedJWT, Flux<JWK>> {

	/** Parsed keys by their JSON: a provider publishes a handful. */
	private static final int MAX_KEYS = 64;

	private final RemoteJwks jwks;

	private final Cache<String, JWK> parsed = Caffeine.newBuilder().maximumSize(MAX_KEYS).build();

	ProviderKeys(RemoteJwks jwks) {
		this.jwks = jwks;
	}

	@Override
	public Flux<JWK> apply(SignedJWT jwt) {
		String kid = jwt.getHeader().getKeyID();
		if (kid == null) {
			return Flux.empty();
		}
		return this.jwks.findJwkJson(kid).map((json) -> this.parsed.get(json, ProviderKeys::parse)).flux();
	}

	private static JWK parse(String json) {
		try {
			return JWK.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("A key from the identity provider could not be read", ex);
		}
	}

}
